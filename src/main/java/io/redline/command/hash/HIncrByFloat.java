package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.hash.HashValue;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/**
 * HINCRBYFLOAT key field increment, with Redis's 80-bit long-double arithmetic and text (see
 * {@link RedisNumbers#incrByFloat}). An infinite increment is refused before the key is touched.
 */
public final class HIncrByFloat implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    byte[] b = a.buffer();
    int off = a.offset(3), len = a.length(3);
    if (!RedisNumbers.isLongDouble(b, off, len)) {
      ctx.error(Errors.NOT_FLOAT);
      return;
    }
    if (RedisNumbers.incrByFloat(null, 0, 0, b, off, len) == null) { // only an infinity gives no sum with 0
      ctx.error("ERR value is NaN or Infinity");
      return;
    }
    Entry e = ctx.lookupWrite(1);
    if (!Hashes.isHashOrAbsent(ctx, e)) return;
    byte[] cur = e == null ? null : ((HashValue) e.value()).get(b, a.offset(2), a.length(2));
    if (cur != null && !RedisNumbers.isLongDouble(cur, 0, cur.length)) {
      ctx.error("ERR hash value is not a float");
      return;
    }
    String sum = RedisNumbers.incrByFloat(cur, 0, cur == null ? 0 : cur.length, b, off, len);
    if (sum == null) {
      ctx.error("ERR increment would produce NaN or Infinity");
      return;
    }
    byte[] text = sum.getBytes(StandardCharsets.US_ASCII);
    Hashes.setField(ctx, e, a.bytes(2), text);
    ctx.keyEvent(KeyEvent.HINCRBYFLOAT, 1);
    ctx.propagateAs(io.redline.aof.Effects.ascii("HSET"), a.bytes(1), a.bytes(2), text); // the result, as Redis logs it
    ctx.dirty(1);
    ctx.reply.bulk(text);
  }
}
