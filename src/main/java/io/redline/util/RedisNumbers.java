package io.redline.util;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Number parsing and formatting with redis-server 7.0's exact acceptance rules and output
 * text, since clients see every difference (error vs success, printed digits).
 *
 * <p>There are three float parsers because Redis itself has three:
 * <ul>
 *   <li>{@link #parseDouble}: ZADD/ZINCRBY scores and most float args (strtod plus strict checks);
 *   <li>{@link #parseRangeDouble}: ZRANGEBYSCORE/ZCOUNT/... bounds (bare strtod, lenient);
 *   <li>{@link #isLongDouble}/{@link #incrByFloat}: INCRBYFLOAT and HINCRBYFLOAT, which use x87
 *       80-bit long double. That accepts a far wider range (1e400 is fine, 1e4933 is not),
 *       rejects inputs of 5120+ bytes, and its extra precision shows in the output
 *       (10.6 + 5000 prints "5010.60000000000000009"), so its 64-bit-significand arithmetic
 *       is emulated exactly with BigInteger: double cannot reproduce those replies.
 * </ul>
 */
public final class RedisNumbers {
  private RedisNumbers() {}

  // ------------------------------------------------------------------ integers

  /** Redis string2ll: optional '-', no '+', no leading zeros ("-0" too), at most 20 bytes. */
  public static boolean isLong(byte[] b, int off, int len) {
    return scanLong(b, off, len, null);
  }

  /** As {@link #isLong}; throws NumberFormatException for anything it rejects. */
  public static long parseLong(byte[] b, int off, int len) {
    long[] out = new long[1];
    if (!scanLong(b, off, len, out)) throw new NumberFormatException("value is not an integer or out of range");
    return out[0];
  }

  public static long parseLong(byte[] b) {
    return parseLong(b, 0, b.length);
  }

  private static boolean scanLong(byte[] b, int off, int len, long[] out) {
    if (len <= 0 || len > 20) return false;
    int i = off, end = off + len;
    long acc = 0; // accumulated negatively so Long.MIN_VALUE needs no special case
    if (len > 1 || b[i] != '0') {
      boolean neg = b[i] == '-';
      if (neg && ++i == end) return false;
      if (b[i] < '1' || b[i] > '9') return false;
      for (; i < end; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9 || acc < Long.MIN_VALUE / 10) return false;
        acc *= 10;
        if (acc < Long.MIN_VALUE + d) return false;
        acc -= d;
      }
      if (!neg) {
        if (acc == Long.MIN_VALUE) return false;
        acc = -acc;
      }
    }
    if (out != null) out[0] = acc;
    return true;
  }

  private static final byte[][] SMALL = new byte[10000][];

  static {
    for (int i = 0; i < SMALL.length; i++) SMALL[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
  }

  /** Decimal bytes of v. Results for 0..9999 are shared arrays: callers must not modify them. */
  public static byte[] longToBytes(long v) {
    if (v >= 0 && v < SMALL.length) return SMALL[(int) v];
    byte[] out = new byte[digits(v)];
    writeLong(out, 0, v);
    return out;
  }

  /** Writes v's decimal text at dst[off...]; returns the index after its last byte. */
  public static int writeLong(byte[] dst, int off, long v) {
    int end = off + digits(v), i = end;
    long n = v < 0 ? v : -v; // negative, so Long.MIN_VALUE needs no special case
    do {
      dst[--i] = (byte) ('0' - (n % 10));
      n /= 10;
    } while (n != 0);
    if (v < 0) dst[--i] = '-';
    return end;
  }

  /** Length of v's decimal text, counting the '-' of a negative number. */
  public static int digits(long v) {
    if (v < 0) return v == Long.MIN_VALUE ? 20 : 1 + digits(-v);
    long p = 10;
    for (int d = 1; d < 19; d++, p *= 10) if (v < p) return d;
    return 19;
  }

  // ------------------------------------------------------------------- doubles

  /** Redis string2d (ZADD scores etc.); throws NumberFormatException("value is not a valid float"). */
  public static double parseDouble(byte[] b, int off, int len) {
    double d = parseDoubleOrNaN(b, off, len);
    if (d != d) throw new NumberFormatException("value is not a valid float");
    return d;
  }

  /**
   * {@link #parseDouble} returning NaN for invalid input (NaN itself is never accepted), so hot
   * paths avoid exceptions. Accepts "inf"/"infinity" in any case with optional sign, hex floats
   * ("0x10" is 16), ".5", "5.", "+1"; rejects empty input, any whitespace, "nan", overflow
   * (1e309) and underflow to zero (1e-400) but keeps denormals (1e-310).
   */
  public static double parseDoubleOrNaN(byte[] b, int off, int len) {
    int kind = classify(b, off, len);
    return kind == BAD ? Double.NaN : toDouble(b, off, len, kind, false);
  }

  /**
   * A ZRANGEBYSCORE / ZCOUNT / ZREMRANGEBYSCORE bound after the caller strips a leading '(':
   * Redis runs bare strtod there, so leading whitespace is skipped, "" means 0, out-of-range
   * values saturate to +-inf or 0, and input ends at the first NUL byte. Trailing junk and
   * "nan" are still errors: NaN is returned for them.
   */
  public static double parseRangeDouble(byte[] b, int off, int len) {
    int end = off, i = off;
    while (end < off + len && b[end] != 0) end++;
    if (end == off) return 0.0;
    while (i < end && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) i++;
    int kind = classify(b, i, end - i);
    return kind == BAD ? Double.NaN : toDouble(b, i, end - i, kind, true);
  }

  private static double toDouble(byte[] b, int off, int len, int kind, boolean saturate) {
    boolean neg = b[off] == '-';
    if ((kind & 3) == INF) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if ((kind & 3) == DEC && len <= 10 && (kind & DOT_OR_EXP) == 0) {
      long v = 0; // plain small integers, the usual score, skip the String round trip
      for (int i = neg || b[off] == '+' ? off + 1 : off; i < off + len; i++) v = v * 10 + (b[i] - '0');
      return neg ? -(double) v : (double) v;
    }
    String s = new String(b, off, len, StandardCharsets.ISO_8859_1);
    if ((kind & 3) == HEX && (kind & HAS_P) == 0) s += "p0"; // Java insists on a binary exponent
    double d = Double.parseDouble(s);
    // strtod's ERANGE with HUGE_VAL or zero is an error for string2d, not for bare strtod.
    if (!saturate && (Double.isInfinite(d) || (d == 0 && (kind & NONZERO) != 0))) return Double.NaN;
    return d;
  }

  // classify() result: the low two bits are the kind, the rest are flags.
  private static final int BAD = 0, INF = 1, DEC = 2, HEX = 3;
  private static final int NONZERO = 4, HAS_P = 8, DOT_OR_EXP = 16;

  /** Checks that the whole range is one number in strtod's C-locale syntax (NaN excluded). */
  private static int classify(byte[] b, int off, int len) {
    int i = off, end = off + len;
    if (i < end && (b[i] == '+' || b[i] == '-')) i++;
    int rest = end - i;
    if ((rest == 3 || rest == 8) && wordAt(b, i, "infinity".substring(0, rest))) return INF;
    boolean hex = rest > 2 && b[i] == '0' && (b[i + 1] | 0x20) == 'x';
    if (hex) i += 2;
    int flags = hex ? HEX : DEC, digits = 0;
    boolean dot = false;
    for (; i < end; i++) {
      if (b[i] == '.' && !dot) {
        dot = true;
        flags |= DOT_OR_EXP;
      } else if (digitValue(b[i], hex) >= 0) {
        digits++;
        if (b[i] != '0') flags |= NONZERO;
      } else {
        break;
      }
    }
    if (digits == 0) return BAD;
    if (i == end) return flags;
    if ((b[i] | 0x20) != (hex ? 'p' : 'e')) return BAD;
    flags |= hex ? HAS_P : DOT_OR_EXP;
    if (++i < end && (b[i] == '+' || b[i] == '-')) i++;
    if (i == end) return BAD; // "1e" is not a number: strtod would stop before the 'e'
    for (; i < end; i++) if (b[i] < '0' || b[i] > '9') return BAD;
    return flags;
  }

  private static boolean wordAt(byte[] b, int i, String word) {
    for (int k = 0; k < word.length(); k++) if ((b[i + k] | 0x20) != word.charAt(k)) return false;
    return true;
  }

  private static int digitValue(int c, boolean hex) {
    if (c >= '0' && c <= '9') return c - '0';
    int l = c | 0x20;
    return hex && l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
  }

  private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

  /**
   * A double reply as Redis 7.0 prints it (ZSCORE, WITHSCORES, RESP3 doubles): printf "%.17g"
   * (ties to even) plus "inf", "-inf", "nan", "-0". E.g. 0.1 gives "0.10000000000000001",
   * 1e300 gives "1.0000000000000001e+300", 3.0 gives "3", 1e17 gives "1e+17".
   */
  public static String formatDouble(double d) {
    if (d != d) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return 1 / d < 0 ? "-0" : "0";
    if (d == Math.rint(d) && Math.abs(d) < 1e17) return Long.toString((long) d);
    BigDecimal r = new BigDecimal(d).round(SEVENTEEN);
    int exp = r.precision() - r.scale() - 1;
    if (exp >= -4 && exp < 17) return r.stripTrailingZeros().toPlainString();
    String digits = r.unscaledValue().abs().toString();
    int last = digits.length();
    while (last > 1 && digits.charAt(last - 1) == '0') last--;
    StringBuilder sb = new StringBuilder(26);
    if (d < 0) sb.append('-');
    sb.append(digits.charAt(0));
    if (last > 1) sb.append('.').append(digits, 1, last);
    sb.append(exp < 0 ? "e-" : "e+");
    if (Math.abs(exp) < 10) sb.append('0');
    return sb.append(Math.abs(exp)).toString();
  }

  // ------------------------------------------------- long double (INCRBYFLOAT)

  /** A finite x87 long double: mant * 2^exp with |mant| < 2^64. */
  private record LongDouble(BigInteger mant, long exp) {}

  private static final LongDouble LD_ZERO = new LongDouble(BigInteger.ZERO, 0);
  private static final LongDouble LD_INF = new LongDouble(BigInteger.ONE, Long.MAX_VALUE);
  private static final int LD_PREC = 64;
  private static final long LD_MIN_EXP = -16445; // weight of the lowest denormal bit
  private static final long LD_MAX_BITS = 16384; // finite values stay below 2^16384
  private static final int LD_MAX_CHARS = 5120; // Redis MAX_LONG_DOUBLE_CHARS
  private static final BigInteger TEN_17 = BigInteger.TEN.pow(17);

  /** Whether Redis string2ld (INCRBYFLOAT/HINCRBYFLOAT arguments and stored values) accepts it. */
  public static boolean isLongDouble(byte[] b, int off, int len) {
    return parseLd(b, off, len) != null;
  }

  /**
   * INCRBYFLOAT/HINCRBYFLOAT arithmetic, emulating Redis's 80-bit long double exactly.
   * {@code cur == null} means the key or field is absent (0). Returns the text Redis stores and
   * replies, or null when the result is NaN or infinite (Redis replies "increment would produce
   * NaN or Infinity" for strings, "value is NaN or Infinity" for hashes). Throws
   * NumberFormatException when an input is not a valid long double; callers choose the error
   * ("value is not a valid float", or "hash value is not a float" for a bad stored hash field)
   * by checking {@link #isLongDouble} first.
   */
  public static String incrByFloat(byte[] cur, int curOff, int curLen, byte[] incr, int incrOff, int incrLen) {
    LongDouble a = cur == null ? LD_ZERO : parseLd(cur, curOff, curLen);
    LongDouble b = parseLd(incr, incrOff, incrLen);
    if (a == null || b == null) throw new NumberFormatException("value is not a valid float");
    if (a == LD_INF || b == LD_INF) return null;
    LongDouble sum = add(a, b);
    return sum == LD_INF ? null : formatLd(sum);
  }

  /**
   * INCRBYFLOAT-style text for a double the caller computed itself. Approximate: d stands for
   * the shortest decimal that round-trips to it, as if a user had typed that, so double noise
   * does not leak (10.5 + 0.1 gives "10.6", like Redis) but sums can still differ from Redis's
   * long double ones in the last digits (0.1 + 0.2 gives "0.30000000000000004", Redis "0.3").
   * Prefer {@link #incrByFloat}.
   */
  public static String formatIncrByFloat(double d) {
    if (d != d) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    byte[] text = Double.toString(d).getBytes(StandardCharsets.US_ASCII);
    return formatLd(parseLd(text, 0, text.length));
  }

  /** Redis string2ld: strtold syntax, under 5120 bytes, overflow and underflow-to-zero rejected. */
  private static LongDouble parseLd(byte[] b, int off, int len) {
    if (len <= 0 || len >= LD_MAX_CHARS) return null;
    int kind = classify(b, off, len);
    if (kind == BAD) return null;
    if ((kind & 3) == INF) return LD_INF;
    if ((kind & NONZERO) == 0) return LD_ZERO;
    int i = off, end = off + len;
    boolean neg = b[i] == '-', hex = (kind & 3) == HEX;
    if (b[i] == '+' || neg) i++;
    if (hex) i += 2;
    StringBuilder mant = new StringBuilder(len);
    long fracDigits = 0, exp = 0;
    boolean dot = false;
    for (; i < end && (b[i] | 0x20) != (hex ? 'p' : 'e'); i++) {
      if (b[i] == '.') {
        dot = true;
      } else {
        mant.append((char) b[i]);
        if (dot) fracDigits++;
      }
    }
    if (i < end) {
      boolean eneg = b[++i] == '-';
      if (b[i] == '+' || eneg) i++;
      // Saturating is safe: 1e9 is far past any exponent that could still give a finite nonzero.
      for (; i < end; i++) exp = Math.min(exp * 10 + (b[i] - '0'), 1_000_000_000L);
      if (eneg) exp = -exp;
    }
    BigInteger m = new BigInteger(mant.toString(), hex ? 16 : 10);
    if (hex) {
      long twoExp = exp - 4 * fracDigits, top = m.bitLength() + twoExp;
      if (top > LD_MAX_BITS + 1 || top < LD_MIN_EXP - 2) return null;
      return round(neg, m, BigInteger.ONE, twoExp);
    }
    long tenExp = exp - fracDigits;
    long lead = tenExp + m.toString().length(); // the value lies in [10^(lead-1), 10^lead)
    if (lead > 4934 || lead < -4952) return null; // surely past LDBL_MAX or under half the least denormal
    BigInteger num = tenExp >= 0 ? m.multiply(BigInteger.TEN.pow((int) tenExp)) : m;
    BigInteger den = tenExp >= 0 ? BigInteger.ONE : BigInteger.TEN.pow((int) -tenExp);
    return round(neg, num, den, 0);
  }

  /** Rounds num/den * 2^twoExp (num, den > 0) to the nearest long double, ties to even; null on over/underflow. */
  private static LongDouble round(boolean neg, BigInteger num, BigInteger den, long twoExp) {
    // num/den * 2^twoExp lies in [2^(k-1), 2^(k+1)) for k = |num| - |den| + twoExp bits.
    long e = Math.max(num.bitLength() - den.bitLength() + twoExp - LD_PREC, LD_MIN_EXP);
    BigInteger[] qr = divShifted(num, den, twoExp - e);
    if (qr[0].bitLength() > LD_PREC) qr = divShifted(num, den, twoExp - ++e);
    BigInteger q = qr[0];
    BigInteger divisor = twoExp - e >= 0 ? den : den.shiftLeft((int) (e - twoExp));
    int half = qr[1].shiftLeft(1).compareTo(divisor);
    if (half > 0 || (half == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
    if (q.signum() == 0 || q.bitLength() + e > LD_MAX_BITS) return null;
    return new LongDouble(neg ? q.negate() : q, e);
  }

  private static BigInteger[] divShifted(BigInteger num, BigInteger den, long shift) {
    return shift >= 0
        ? num.shiftLeft((int) shift).divideAndRemainder(den)
        : num.divideAndRemainder(den.shiftLeft((int) -shift));
  }

  private static LongDouble add(LongDouble a, LongDouble b) {
    if (a.mant.signum() == 0) return b;
    if (b.mant.signum() == 0) return a;
    long e = Math.min(a.exp, b.exp);
    BigInteger sum = a.mant.shiftLeft((int) (a.exp - e)).add(b.mant.shiftLeft((int) (b.exp - e)));
    if (sum.signum() == 0) return LD_ZERO;
    LongDouble r = round(sum.signum() < 0, sum.abs(), BigInteger.ONE, e);
    return r == null ? LD_INF : r; // an exact sum of two long doubles can only overflow, not underflow
  }

  /** Redis ld2string, LD_STR_HUMAN mode: "%.17Lf", trailing zeros and '.' dropped, "-0" shown as "0". */
  private static String formatLd(LongDouble v) {
    BigInteger m = v.mant.abs();
    if (m.signum() == 0 || m.bitLength() + v.exp < -60) return "0"; // under 2^-60 the 17th decimal is 0
    BigInteger scaled = m.multiply(TEN_17), n; // n = |v| * 10^17 rounded half to even, as glibc does
    if (v.exp >= 0) {
      n = scaled.shiftLeft((int) v.exp);
    } else {
      int sh = (int) -v.exp;
      n = scaled.shiftRight(sh);
      boolean half = scaled.testBit(sh - 1), below = scaled.getLowestSetBit() < sh - 1;
      if (half && (below || n.testBit(0))) n = n.add(BigInteger.ONE);
    }
    if (n.signum() == 0) return "0";
    String digits = n.toString();
    StringBuilder sb = new StringBuilder(digits.length() + 20);
    if (v.mant.signum() < 0) sb.append('-');
    if (digits.length() <= 17) {
      sb.append("0.").append("0".repeat(17 - digits.length())).append(digits);
    } else {
      int point = digits.length() - 17;
      sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }
    int l = sb.length();
    while (sb.charAt(l - 1) == '0') l--;
    if (sb.charAt(l - 1) == '.') l--;
    sb.setLength(l);
    return sb.toString();
  }
}
