package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;

/**
 * RENAME key newkey and RENAMENX key newkey. The value object moves as is and keeps its TTL; the
 * two keys may live on different shards, in which case the dispatcher holds both for us.
 */
public final class Rename implements CommandHandler {
  private final boolean nx;

  public Rename(boolean nx) {
    this.nx = nx;
  }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Keyspace db = ctx.db();
    Entry src = db.lookup(a, 1, ctx.now);
    if (src == null) {
      ctx.error(Errors.NO_SUCH_KEY);
      return;
    }
    src.touch(ctx.server.lruClock());
    if (KeyArgs.sameArg(a, 1, 2)) {
      // Redis 7: renaming a key onto itself is a no-op that still reports success (0 for NX).
      if (nx) ctx.reply.integer(0);
      else ctx.reply.ok();
      return;
    }
    Entry dst = db.lookup(a, 2, ctx.now);
    if (dst != null) {
      if (nx) {
        ctx.reply.integer(0);
        return;
      }
      db.delete(dst);
    }
    long expireAt = src.expireAt();
    Object value = src.value();
    db.delete(src);
    Entry moved = db.add(a.bytes(2), value);
    moved.touch(src.accessClock());
    ctx.keyEvent(KeyEvent.NEW, moved.key());
    if (expireAt != Entry.NO_EXPIRY) db.setExpire(moved, expireAt);
    ctx.keyEvent(KeyEvent.RENAME_FROM, src.key());
    ctx.keyEvent(KeyEvent.RENAME_TO, moved.key());
    ctx.dirty(1);
    if (nx) ctx.reply.integer(1);
    else ctx.reply.ok();
  }
}
