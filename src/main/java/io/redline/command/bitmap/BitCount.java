package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;

/**
 * BITCOUNT key [start end [BYTE|BIT]]: set bits in the whole string or in an inclusive range of
 * bytes (default) or bits. As in Redis 7.0 the key is looked up before the range is parsed, so a
 * missing key answers 0 whatever the arguments.
 */
public final class BitCount implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    BitStrings.View v = BitStrings.view(e.value());
    int argc = a.size();
    if (argc == 2) {
      ctx.reply.integer(BitStrings.popcount(v.b(), 0, v.len()));
      return;
    }
    if (argc != 4 && argc != 5) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long start, end;
    try {
      start = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
      end = RedisNumbers.parseLong(a.buffer(), a.offset(3), a.length(3));
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    if (start < 0 && end < 0 && start > end) {
      ctx.reply.integer(0);
      return;
    }
    boolean bits = false;
    if (argc == 5) {
      if (a.is(4, "bit")) bits = true;
      else if (!a.is(4, "byte")) {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    long[] r = BitStrings.clampRange(start, end, bits ? (long) v.len() << 3 : v.len());
    if (r[0] > r[1]) {
      ctx.reply.integer(0);
      return;
    }
    if (!bits) {
      ctx.reply.integer(BitStrings.popcount(v.b(), (int) r[0], (int) r[1] + 1));
      return;
    }
    int first = (int) (r[0] >>> 3);
    int last = (int) (r[1] >>> 3);
    long n = BitStrings.popcount(v.b(), first, last + 1);
    // Take off the bits of the edge bytes that lie outside the range.
    int before = (v.b()[first] & 0xff) >>> (8 - (int) (r[0] & 7));
    int after = (v.b()[last] & 0xff) & ((1 << (7 - (int) (r[1] & 7))) - 1);
    n -= Integer.bitCount(before) + Integer.bitCount(after);
    ctx.reply.integer(n);
  }
}
