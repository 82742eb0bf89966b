package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;

/**
 * BITPOS key bit [start [end [BYTE|BIT]]]: the first bit set to {@code bit} in the range, or -1.
 * Looking for a 0 with no explicit end treats the string as followed by zeros, so an all-ones
 * range answers the position just past it; with an explicit end it answers -1, as in Redis.
 */
public final class BitPos implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long bit;
    try {
      bit = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    if (bit != 0 && bit != 1) {
      ctx.error("ERR The bit argument must be 1 or 0.");
      return;
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      // A missing key is an endless run of zeros.
      ctx.reply.integer(bit == 1 ? -1 : 0);
      return;
    }
    if (!StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    BitStrings.View v = BitStrings.view(e.value());
    int argc = a.size();
    long firstBit, lastBit;
    boolean endGiven = false;
    if (argc == 3) {
      firstBit = 0;
      lastBit = ((long) v.len() << 3) - 1;
    } else if (argc <= 6) {
      long start, end = 0;
      boolean bits = false;
      try {
        start = RedisNumbers.parseLong(a.buffer(), a.offset(3), a.length(3));
        if (argc == 6) {
          if (a.is(5, "bit")) bits = true;
          else if (!a.is(5, "byte")) {
            ctx.error(Errors.SYNTAX);
            return;
          }
        }
        if (argc >= 5) {
          end = RedisNumbers.parseLong(a.buffer(), a.offset(4), a.length(4));
          endGiven = true;
        }
      } catch (NumberFormatException ex) {
        ctx.error(Errors.NOT_INTEGER);
        return;
      }
      long total = bits ? (long) v.len() << 3 : v.len();
      long[] r = BitStrings.clampRange(start, endGiven ? end : total - 1, total);
      if (r[0] > r[1]) {
        ctx.reply.integer(-1);
        return;
      }
      firstBit = bits ? r[0] : r[0] << 3;
      lastBit = bits ? r[1] : (r[1] << 3) + 7;
    } else {
      ctx.error(Errors.SYNTAX);
      return;
    }
    if (firstBit > lastBit) {
      ctx.reply.integer(-1);
      return;
    }
    long pos = find(v.b(), firstBit, lastBit, (int) bit);
    if (pos < 0 && bit == 0 && !endGiven) pos = lastBit + 1;
    ctx.reply.integer(pos);
  }

  /** The first bit equal to {@code bit} in [from, to], or -1. */
  private static long find(byte[] b, long from, long to, int bit) {
    int skip = bit == 1 ? 0 : 0xff; // a byte holding no wanted bit
    int firstByte = (int) (from >>> 3);
    int lastByte = (int) (to >>> 3);
    long skipWord = bit == 1 ? 0L : -1L;
    for (int i = firstByte; i <= lastByte; i++) {
      // Whole words of unwanted bits between the edge bytes are skipped eight bytes at a time.
      while (i > firstByte && i + 8 < lastByte && (long) BitStrings.WORDS.get(b, i) == skipWord) i += 8;
      int x = b[i] & 0xff;
      // Bits outside the range read as unwanted ones.
      if (i == firstByte) {
        int outside = ~(0xff >>> (int) (from & 7)) & 0xff;
        x = bit == 1 ? x & ~outside : x | outside;
      }
      if (i == lastByte) {
        int outside = (1 << (7 - (int) (to & 7))) - 1;
        x = bit == 1 ? x & ~outside : x | outside;
      }
      if (x == skip) continue;
      int wanted = bit == 1 ? x : ~x & 0xff;
      return ((long) i << 3) + Integer.numberOfLeadingZeros(wanted) - 24;
    }
    return -1;
  }
}
