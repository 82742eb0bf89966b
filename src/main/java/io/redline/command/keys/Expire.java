package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.util.RedisNumbers;

/**
 * EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT key time [NX | XX | GT | LT]. A time already past
 * deletes the key (and still replies 1), as Redis does on a primary.
 */
public final class Expire implements CommandHandler {
  private static final int NX = 1, XX = 2, GT = 4, LT = 8;

  private final boolean seconds;
  private final boolean absolute;

  public Expire(boolean seconds, boolean absolute) {
    this.seconds = seconds;
    this.absolute = absolute;
  }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    int flags = 0;
    for (int i = 3; i < a.size(); i++) {
      if (a.is(i, "NX")) flags |= NX;
      else if (a.is(i, "XX")) flags |= XX;
      else if (a.is(i, "GT")) flags |= GT;
      else if (a.is(i, "LT")) flags |= LT;
      else {
        ctx.error("ERR Unsupported option " + a.string(i));
        return;
      }
    }
    if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
      ctx.error("ERR NX and XX, GT or LT options at the same time are not compatible");
      return;
    }
    if ((flags & (GT | LT)) == (GT | LT)) {
      ctx.error("ERR GT and LT options at the same time are not compatible");
      return;
    }
    long when;
    try {
      when = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
    } catch (NumberFormatException e) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    // Negative times are allowed (they delete the key); only overflow is an error.
    if (seconds) {
      if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
        invalidTime(ctx);
        return;
      }
      when *= 1000;
    }
    long base = absolute ? 0 : ctx.now;
    if (when > Long.MAX_VALUE - base) {
      invalidTime(ctx);
      return;
    }
    when += base;

    Keyspace db = ctx.db();
    Entry e = db.lookup(a, 1, ctx.now);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    e.touch(ctx.server.lruClock());
    if (flags != 0 && !allowed(flags, e.expireAt(), when)) {
      ctx.reply.integer(0);
      return;
    }
    if (when <= ctx.now) {
      db.delete(e);
      ctx.keyEvent(KeyEvent.DEL, e.key());
      io.redline.aof.Effects.del(ctx, 1);
    } else {
      db.setExpire(e, when);
      ctx.keyEvent(KeyEvent.EXPIRE, e.key());
      io.redline.aof.Effects.pexpireAt(ctx, 1, when); // absolute, so a replay later sets the same instant
    }
    ctx.dirty(1);
    ctx.reply.integer(1);
  }

  /** The NX/XX/GT/LT condition; a key without a TTL counts as expiring never (infinitely late). */
  private static boolean allowed(int flags, long current, long when) {
    boolean none = current == Entry.NO_EXPIRY;
    if ((flags & NX) != 0 && !none) return false;
    if ((flags & XX) != 0 && none) return false;
    if ((flags & GT) != 0 && (none || when <= current)) return false;
    if ((flags & LT) != 0 && !none && when >= current) return false;
    return true;
  }

  private static void invalidTime(CommandContext ctx) {
    ctx.error(String.format(Errors.INVALID_EXPIRE, ctx.spec.fullName()));
  }
}
