package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.hash.HashValue;
import io.redline.util.RedisNumbers;

/** HINCRBY key field increment: 64-bit integer arithmetic on a field, absent counting as 0. */
public final class HIncrBy implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (!RedisNumbers.isLong(a.buffer(), a.offset(3), a.length(3))) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    long incr = RedisNumbers.parseLong(a.buffer(), a.offset(3), a.length(3));
    Entry e = ctx.lookupWrite(1);
    if (!Hashes.isHashOrAbsent(ctx, e)) return;
    byte[] cur = e == null ? null : ((HashValue) e.value()).get(a.buffer(), a.offset(2), a.length(2));
    long value = 0;
    if (cur != null) {
      if (!RedisNumbers.isLong(cur, 0, cur.length)) {
        ctx.error("ERR hash value is not an integer");
        return;
      }
      value = RedisNumbers.parseLong(cur);
    }
    if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
        || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
      ctx.error(Errors.OVERFLOW);
      return;
    }
    value += incr;
    // longToBytes may hand out a shared array: fine, stored values are never modified in place.
    Hashes.setField(ctx, e, a.bytes(2), RedisNumbers.longToBytes(value));
    ctx.keyEvent(KeyEvent.HINCRBY, 1);
    ctx.dirty(1);
    ctx.reply.integer(value);
  }
}
