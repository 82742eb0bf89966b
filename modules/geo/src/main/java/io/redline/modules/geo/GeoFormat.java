package io.redline.modules.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The three ways Redis 7.0 prints geo numbers, each reproduced digit for digit:
 * coordinates ({@link #coordinate}, printf "%.17Lf" with trailing zeros dropped), distances
 * ({@link #distance}, four decimals after rounding meters*10^4 to an integer) and the numbers
 * quoted in the "invalid longitude,latitude pair" error ({@link #printfF}, printf "%f").
 */
public final class GeoFormat {
  private GeoFormat() {}

  /**
   * GEOPOS and WITHCOORD: the double widened to long double, printed "%.17Lf" (exact value,
   * rounded half to even), then trailing zeros and a bare '.' removed; "-0" becomes "0".
   */
  public static byte[] coordinate(double d) {
    if (Double.isInfinite(d)) return ascii(d > 0 ? "inf" : "-inf");
    String s = new BigDecimal(d).setScale(17, RoundingMode.HALF_EVEN).toPlainString();
    int end = s.length();
    if (s.indexOf('.') >= 0) {
      while (s.charAt(end - 1) == '0') end--;
      if (s.charAt(end - 1) == '.') end--;
    }
    s = s.substring(0, end);
    if (s.equals("-0")) s = "0";
    return ascii(s);
  }

  /**
   * GEODIST and WITHDIST: Redis 7.0's fixedpoint_d2string with four digits, i.e. the value times
   * 10^4 rounded to the nearest integer (ties to even, llrint), written with the point put back.
   */
  public static byte[] distance(double d) {
    if (d == 0) return ascii("0.0000");
    double scaled = Math.rint(d * 10000.0);
    // llrint's result for NaN and out-of-range values on x86-64 is LLONG_MIN.
    long v = scaled != scaled || scaled >= 0x1p63 || scaled < -0x1p63 ? Long.MIN_VALUE : (long) scaled;
    StringBuilder sb = new StringBuilder(24);
    if (v < 0) sb.append('-');
    String digits = Long.toUnsignedString(v < 0 ? -v : v);
    if (digits.length() < 5) digits = "0".repeat(5 - digits.length()) + digits;
    int point = digits.length() - 4;
    sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
    return ascii(sb.toString());
  }

  /** printf "%f": six decimals of the exact value, rounded half to even; "inf", "-inf", "nan". */
  public static String printfF(double d) {
    if (d != d) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    // BigDecimal has no negative zero; printf keeps the sign of -0.0 and of values rounding to 0.
    if ((d < 0 || (d == 0 && 1 / d < 0)) && !s.startsWith("-")) s = "-" + s;
    return s;
  }

  private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
