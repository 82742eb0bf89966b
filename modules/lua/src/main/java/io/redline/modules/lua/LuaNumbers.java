// Lua 5.1's number-to-text rule ("%.14g"), which LuaJ does not follow.
package io.redline.modules.lua;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formats doubles as C's printf("%.14g") does: what Redis's Lua prints and cjson emits. */
final class LuaNumbers {
  private LuaNumbers() {}

  static String g14(double d) { return g(d, 14); }

  static String g(double d, int precision) {
    if (Double.isNaN(d)) return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return (1 / d < 0) ? "-0" : "0";
    if (d == Math.rint(d) && Math.abs(d) < Math.pow(10, precision)) return Long.toString((long) d);
    BigDecimal bd = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = bd.precision() - bd.scale() - 1;
    if (exp < -4 || exp >= precision) {
      BigDecimal mant = bd.movePointLeft(exp).stripTrailingZeros();
      String m = mant.toPlainString();
      String e = Integer.toString(Math.abs(exp));
      return m + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    String s = bd.stripTrailingZeros().toPlainString();
    return s;
  }
}
