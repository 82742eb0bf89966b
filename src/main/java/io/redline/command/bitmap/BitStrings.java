package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What the bit commands share: parsing bit offsets, reading any string shape as bytes without
 * copying, and getting a string ready for bit writes (a "raw" value of its own, zero-padded up to
 * the highest byte written, as Redis's lookupStringForBitCommand does).
 */
final class BitStrings {
  static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";
  /**
   * The largest string a bit write may grow: proto-max-bulk-len, but never past what a Java array
   * (and StringBuilderValue's growth step) can hold.
   */
  private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8 - (2L << 20);
  private static final byte[] ZERO = {0};

  private BitStrings() {}

  /** A string's bytes for reading: the first {@code len} bytes of {@code b}. */
  record View(byte[] b, int len) {
    static final View EMPTY = new View(new byte[0], 0);

    int bit(long bitOffset) {
      long at = bitOffset >>> 3;
      if (at >= len) return 0;
      return (b[(int) at] >> (7 - (int) (bitOffset & 7))) & 1;
    }
  }

  static View view(Object v) {
    if (v instanceof byte[] b) return new View(b, b.length);
    if (v instanceof StringBuilderValue sb) return new View(sb.array(), sb.length());
    byte[] digits = StringValue.bytes(v);
    return new View(digits, digits.length);
  }

  /**
   * Parses the bit offset at argument {@code i}; -1 with the error written if it is not an
   * integer, negative, or past proto-max-bulk-len bytes. With {@code bits} > 0 a "#n" offset
   * means n * bits (BITFIELD).
   */
  static long offset(CommandContext ctx, int i, int bits) {
    Args a = ctx.args;
    byte[] buf = a.buffer();
    int off = a.offset(i);
    int len = a.length(i);
    boolean times = bits > 0 && len > 0 && buf[off] == '#';
    long v;
    try {
      v = times ? RedisNumbers.parseLong(buf, off + 1, len - 1) : RedisNumbers.parseLong(buf, off, len);
    } catch (NumberFormatException e) {
      ctx.error(BAD_OFFSET);
      return -1;
    }
    if (times) v *= bits;
    long limit = Math.min(ctx.server.config().getLong("proto-max-bulk-len"), ARRAY_LIMIT);
    if (v < 0 || (v >>> 3) >= limit) {
      ctx.error(BAD_OFFSET);
      return -1;
    }
    return v;
  }

  /**
   * The string at argument {@code keyArg}, made writable and at least {@code (maxBit >> 3) + 1}
   * bytes long (created if absent); null with WRONGTYPE written for another type.
   * {@code grew[0]} tells whether the key was created or lengthened.
   */
  static StringBuilderValue forWrite(CommandContext ctx, int keyArg, long maxBit, boolean[] grew) {
    int lastByte = (int) (maxBit >>> 3);
    Entry e = ctx.lookupWrite(keyArg);
    StringBuilderValue sb;
    if (e == null) {
      sb = new StringBuilderValue(new byte[0], lastByte + 1);
      e = ctx.db().add(ctx.args.bytes(keyArg), sb);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    } else {
      if (!StringValue.isString(e.value())) {
        ctx.error(Errors.WRONGTYPE);
        return null;
      }
      if (e.value() instanceof StringBuilderValue existing) {
        sb = existing;
      } else {
        // A bit write makes the value a raw string of its own, as Redis unshares it.
        sb = new StringBuilderValue(StringValue.bytes(e.value()), 0);
        e.value(sb);
      }
    }
    int before = sb.length();
    if (before <= lastByte) sb.write(lastByte, ZERO, 0, 1);
    grew[0] = before != sb.length();
    e.touch(ctx.server.lruClock());
    return sb;
  }

  /** Set bits in b[from, to). */
  static long popcount(byte[] b, int from, int to) {
    long n = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) n += Long.bitCount((long) WORDS.get(b, i));
    for (; i < to; i++) n += Integer.bitCount(b[i] & 0xff);
    return n;
  }

  /** Eight bytes at a time, in whatever order: enough for counting and for skipping uniform runs. */
  static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Turns a start/end pair (negative = from the end) into an inclusive range within a string of
   * {@code total} units, as BITCOUNT and BITPOS do: both clamped at 0, end clamped to the last
   * unit. The range is empty when start > end.
   */
  static long[] clampRange(long start, long end, long total) {
    if (start < 0) start = total + start;
    if (end < 0) end = total + end;
    if (start < 0) start = 0;
    if (end < 0) end = 0;
    if (end >= total) end = total - 1;
    return new long[] {start, end};
  }
}
