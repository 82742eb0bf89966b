package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;

/** COPY source destination [DB destination-db] [REPLACE]: a deep copy, TTL included. */
public final class Copy implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    boolean replace = false;
    int dstIndex = ctx.dbIndex();
    for (int i = 3; i < a.size(); i++) {
      if (a.is(i, "REPLACE")) {
        replace = true;
      } else if (a.is(i, "DB") && i + 1 < a.size()) {
        long n = KeyArgs.intArg(ctx, ++i, null);
        if (n == KeyArgs.BAD) return;
        if (!KeyArgs.validDb(ctx, n)) {
          ctx.error(Errors.DB_INDEX);
          return;
        }
        dstIndex = (int) n;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    if (dstIndex == ctx.dbIndex() && KeyArgs.sameArg(a, 1, 2)) {
      ctx.error(KeyArgs.SAME_OBJECT);
      return;
    }
    Entry src = ctx.lookupRead(1);
    if (src == null) {
      ctx.reply.integer(0);
      return;
    }
    Keyspace dst = ctx.db(dstIndex);
    Entry old = dst.lookup(a, 2, ctx.now);
    if (old != null) {
      if (!replace) {
        ctx.reply.integer(0);
        return;
      }
    }
    Object value = Values.copy(src.value());
    if (value == null) {
      ctx.error("ERR COPY does not support values of this type yet");
      return;
    }
    if (old != null) dst.delete(old);
    Entry copy = dst.add(a.bytes(2), value);
    copy.touch(ctx.server.lruClock());
    ctx.keyEvent(KeyEvent.NEW, copy.key(), dstIndex);
    if (src.hasExpiry()) dst.setExpire(copy, src.expireAt());
    ctx.keyEvent(KeyEvent.COPY_TO, copy.key(), dstIndex);
    if (dstIndex != ctx.dbIndex()) ctx.changedInDb(dstIndex, copy.key());
    ctx.dirty(1);
    ctx.reply.integer(1);
  }
}
