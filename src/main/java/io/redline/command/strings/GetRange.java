package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;

/** GETRANGE key start end (and its old name SUBSTR): inclusive byte range, negative indexes from the end. */
public final class GetRange implements CommandHandler {
  private static final byte[] EMPTY = new byte[0];

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long start, end;
    try {
      start = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
      end = RedisNumbers.parseLong(a.buffer(), a.offset(3), a.length(3));
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.bulk(EMPTY);
      return;
    }
    Object v = e.value();
    if (!StringValue.isString(v)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    byte[] b = v instanceof StringBuilderValue sb ? sb.array() : StringValue.bytes(v);
    long len = StringValue.length(v);
    if (start < 0 && end < 0 && start > end) {
      ctx.reply.bulk(EMPTY);
      return;
    }
    if (start < 0) start = Math.max(len + start, 0);
    if (end < 0) end = Math.max(len + end, 0);
    // Redis 7.0 clamps a negative end to 0, so "GETRANGE k 0 -100" on a short string gives its first byte.
    if (end >= len) end = len - 1;
    if (start > end || len == 0) ctx.reply.bulk(EMPTY);
    else ctx.reply.bulk(b, (int) start, (int) (end - start + 1));
  }
}
