package io.redline.command.sort;

import io.redline.util.RedisNumbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The numeric sort key of a value, as SORT (without ALPHA) computes it in Redis 7.0: C strtod over
 * the value up to its first NUL byte, failing when anything is left over, when the result is NaN,
 * or when strtod reports ERANGE. That differs from the ZADD-style parser in three visible ways:
 * leading whitespace is skipped (" 5" is 5), an empty value is 0, and glibc's ERANGE also covers
 * a result that is subnormal and inexact (1e-310 fails, the exact 0x1p-1074 does not).
 *
 * <p>Not reproduced: Redis never clears errno before strtod, so after one ERANGE its later
 * numeric sorts fail spuriously until some other call resets errno. That is a bug, not a rule.
 */
final class SortScore {
  private SortScore() {}

  /** Below this (2^-1022 - 2^-1076), rounding to 53 bits with no exponent limit stays under DBL_MIN. */
  private static final BigDecimal TINY = new BigDecimal(Double.MIN_NORMAL)
      .subtract(new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(4)));

  /** The score, or NaN when Redis would answer "One or more scores can't be converted into double". */
  static double of(byte[] b) {
    int end = 0;
    while (end < b.length && b[end] != 0) end++;
    if (end == 0) return 0; // strtod converts nothing and stops at the terminator: accepted
    int i = 0;
    while (i < end && isSpace(b[i])) i++;
    if (i == end) return Double.NaN; // nothing converted: strtod points back at the first space
    double d = RedisNumbers.parseDoubleOrNaN(b, i, end - i); // also NaN for overflow and zero underflow
    if (d != 0 && Math.abs(d) <= Double.MIN_NORMAL && tinyAndInexact(d, b, i, end)) return Double.NaN;
    return d;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** glibc sets ERANGE for a result that is tiny (judged after rounding) and not exact. */
  private static boolean tinyAndInexact(double d, byte[] b, int from, int to) {
    BigDecimal magnitude;
    try {
      magnitude = exact(b, from, to).abs();
    } catch (ArithmeticException | NumberFormatException e) {
      return false; // an exponent past long or int range: only thousands of padding digits get here
    }
    return magnitude.compareTo(TINY) < 0 && new BigDecimal(Math.abs(d)).compareTo(magnitude) != 0;
  }

  /** The exact value of a number already validated by the parser (decimal or hex, finite). */
  private static BigDecimal exact(byte[] b, int from, int to) {
    String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    boolean neg = s.startsWith("-");
    if (neg || s.startsWith("+")) s = s.substring(1);
    if (!(s.startsWith("0x") || s.startsWith("0X"))) {
      BigDecimal v = new BigDecimal(s.endsWith(".") ? s + "0" : s);
      return neg ? v.negate() : v;
    }
    String body = s.substring(2);
    int p = Math.max(body.indexOf('p'), body.indexOf('P'));
    long exp = p < 0 ? 0 : Long.parseLong(body.substring(p + 1).replace("+", ""));
    String mant = p < 0 ? body : body.substring(0, p);
    int dot = mant.indexOf('.');
    if (dot >= 0) {
      exp -= 4L * (mant.length() - dot - 1);
      mant = mant.substring(0, dot) + mant.substring(dot + 1);
    }
    BigDecimal v = new BigDecimal(new BigInteger(mant, 16));
    // Only called for subnormal-sized results, so the exponent is small enough for int.
    v = exp >= 0 ? v.multiply(new BigDecimal(BigInteger.TWO.pow((int) exp)))
        : v.divide(new BigDecimal(BigInteger.TWO.pow((int) -exp)));
    return neg ? v.negate() : v;
  }
}
