package io.redline.command.bitmap;

/**
 * BITFIELD's integer arithmetic: reading and writing fields of 1..64 bits (most significant bit
 * first, at any bit offset), and the overflow rules. The overflow checks compute their limits
 * with wrapping 64-bit arithmetic, exactly as Redis does, because that decides Redis's answers at
 * the extremes (e.g. SAT SET i8 with a value near Long.MIN_VALUE saturates to +127).
 */
final class BitFieldMath {
  static final int WRAP = 0;
  static final int SAT = 1;
  static final int FAIL = 2;

  private BitFieldMath() {}

  /** The field's bits as an unsigned number; bits at or past {@code len} bytes read as 0. */
  static long getUnsigned(byte[] b, int len, long offset, int bits) {
    long v = 0;
    for (int i = 0; i < bits; i++) {
      long pos = offset + i;
      long at = pos >>> 3;
      int bit = at < len ? (b[(int) at] >> (7 - (int) (pos & 7))) & 1 : 0;
      v = (v << 1) | bit;
    }
    return v;
  }

  static long getSigned(byte[] b, int len, long offset, int bits) {
    long v = getUnsigned(b, len, offset, bits);
    if (bits < 64 && (v & (1L << (bits - 1))) != 0) v |= -1L << bits;
    return v;
  }

  /** Writes the low {@code bits} bits of v; the string already reaches the field's last byte. */
  static void set(byte[] b, long offset, int bits, long v) {
    for (int i = 0; i < bits; i++) {
      long pos = offset + i;
      int at = (int) (pos >>> 3);
      int mask = 1 << (7 - (int) (pos & 7));
      if (((v >>> (bits - 1 - i)) & 1) != 0) b[at] |= (byte) mask;
      else b[at] &= (byte) ~mask;
    }
  }

  /**
   * The outcome of value + incr in an unsigned field ({@code value} taken as unsigned): null if
   * it fits, else the value to store under {@code overflow} (ignored for FAIL).
   */
  static Long unsignedOverflow(long value, long incr, int bits, int overflow) {
    long max = (1L << bits) - 1;
    long maxIncr = max - value;
    long minIncr = -value;
    long limit;
    if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
      limit = max;
    } else if (incr < 0 && incr < minIncr) {
      limit = 0;
    } else {
      return null;
    }
    if (overflow == WRAP) return (value + incr) & ~(-1L << bits);
    return limit;
  }

  /** As {@link #unsignedOverflow} for a signed field. */
  static Long signedOverflow(long value, long incr, int bits, int overflow) {
    long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    long min = -max - 1;
    long maxIncr = max - value;
    long minIncr = min - value;
    long limit;
    if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
      limit = max;
    } else if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
      limit = min;
    } else {
      return null;
    }
    if (overflow != WRAP) return limit;
    long c = value + incr;
    if (bits < 64) {
      long mask = -1L << bits;
      c = (c & (1L << (bits - 1))) != 0 ? c | mask : c & ~mask;
    }
    return c;
  }
}
