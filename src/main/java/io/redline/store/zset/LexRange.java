package io.redline.store.zset;

import java.util.Arrays;

/**
 * A member interval of ZRANGEBYLEX, ZLEXCOUNT, ZREMRANGEBYLEX: "[m" inclusive, "(m" exclusive,
 * "-" before every member, "+" after every member. Members compare as unsigned bytes, shorter
 * first on a common prefix (Redis's sdscmp).
 */
public final class LexRange {
  /** Which kind of bound: below everything, a member, or above everything. */
  private static final int NEG_INF = -1, MEMBER = 0, POS_INF = 1;

  private final int minKind, maxKind;
  private final byte[] min, max;
  private final boolean minExclusive, maxExclusive;

  private LexRange(int minKind, byte[] min, boolean minEx, int maxKind, byte[] max, boolean maxEx) {
    this.minKind = minKind;
    this.min = min;
    this.minExclusive = minEx;
    this.maxKind = maxKind;
    this.max = max;
    this.maxExclusive = maxEx;
  }

  /** Parses "min" and "max" arguments; null when either is not a valid range item. */
  public static LexRange parse(byte[] minBuf, int minOff, int minLen, byte[] maxBuf, int maxOff, int maxLen) {
    int minKind = kind(minBuf, minOff, minLen), maxKind = kind(maxBuf, maxOff, maxLen);
    if (minKind == Integer.MIN_VALUE || maxKind == Integer.MIN_VALUE) return null;
    return new LexRange(minKind, item(minKind, minBuf, minOff, minLen), minKind != MEMBER || minBuf[minOff] == '(',
        maxKind, item(maxKind, maxBuf, maxOff, maxLen), maxKind != MEMBER || maxBuf[maxOff] == '(');
  }

  private static int kind(byte[] b, int off, int len) {
    if (len == 0) return Integer.MIN_VALUE;
    // Redis reads the item as a C string: "+" may be followed by a NUL and whatever comes after it.
    boolean alone = len == 1 || b[off + 1] == 0;
    return switch (b[off]) {
      case '+' -> alone ? POS_INF : Integer.MIN_VALUE;
      case '-' -> alone ? NEG_INF : Integer.MIN_VALUE;
      case '(', '[' -> MEMBER;
      default -> Integer.MIN_VALUE;
    };
  }

  private static byte[] item(int kind, byte[] b, int off, int len) {
    return kind == MEMBER ? Arrays.copyOfRange(b, off + 1, off + len) : null;
  }

  /** No member can be inside: min after max, or equal bounds with either excluded. */
  public boolean isEmpty() {
    int c = compareBounds(minKind, min, maxKind, max);
    return c > 0 || (c == 0 && (minExclusive || maxExclusive));
  }

  private static int compareBounds(int ka, byte[] a, int kb, byte[] b) {
    if (ka != MEMBER || kb != MEMBER) return Integer.compare(ka, kb);
    return Arrays.compareUnsigned(a, b);
  }

  public boolean aboveMin(byte[] m) {
    if (minKind != MEMBER) return minKind == NEG_INF;
    int c = Arrays.compareUnsigned(m, min);
    return minExclusive ? c > 0 : c >= 0;
  }

  public boolean belowMax(byte[] m) {
    if (maxKind != MEMBER) return maxKind == POS_INF;
    int c = Arrays.compareUnsigned(m, max);
    return maxExclusive ? c < 0 : c <= 0;
  }
}
