package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/**
 * INCRBYFLOAT key increment, with Redis's long-double arithmetic and text. The result is stored
 * as text (encoding "embstr"), never as an integer, and keeps the key's TTL.
 */
public final class IncrByFloat implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupWrite(1);
    byte[] cur = null;
    int curLen = 0;
    if (e != null) {
      Object v = e.value();
      if (!StringValue.isString(v)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      cur = v instanceof StringBuilderValue sb ? sb.array() : StringValue.bytes(v);
      curLen = StringValue.length(v);
    }
    String result;
    try {
      result = RedisNumbers.incrByFloat(cur, 0, curLen,
          ctx.args.buffer(), ctx.args.offset(2), ctx.args.length(2));
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_FLOAT);
      return;
    }
    if (result == null) {
      ctx.error("ERR increment would produce NaN or Infinity");
      return;
    }
    byte[] text = result.getBytes(StandardCharsets.US_ASCII);
    e = StringWrites.store(ctx, ctx.db(), e, 1, text, true);
    ctx.keyEvent(KeyEvent.INCRBYFLOAT, e.key());
    io.redline.aof.Effects.setKeepTtl(ctx, 1, text); // the result, so float formatting can't drift on replay
    ctx.dirty(1);
    ctx.reply.bulk(text);
  }
}
