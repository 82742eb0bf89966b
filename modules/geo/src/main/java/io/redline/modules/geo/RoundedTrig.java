package io.redline.modules.geo;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * sin, cos and asin rounded to the nearest double, for the distances Redis prints and stores.
 * Redis calls glibc, whose results are the correctly rounded ones in all but rare hard cases,
 * while Java's Math.asin is one unit off in the last place for about one distance in twelve
 * (visible in STOREDIST scores, printed with 17 digits).
 *
 * <p>Method: a table of sin and cos at multiples of 1/64 (each as a double-double, computed once
 * with BigDecimal), the angle-addition formulas, and short Taylor series for the remainder
 * (|r| <= 1/128), whose leading terms are carried in double-double; the result is good to about
 * 1e-25 before its one rounding. asin takes one Newton step with that sine.
 * Domain: |x| <= 4 for sin and cos (the haversine formula's arguments stay within pi), [0, 1]
 * for asin; anything else falls back to Math.
 */
final class RoundedTrig {
  private RoundedTrig() {}

  private static final int STEPS_PER_UNIT = 64, TABLE = 4 * STEPS_PER_UNIT + 1;
  private static final double[] SIN_HI = new double[TABLE], SIN_LO = new double[TABLE];
  private static final double[] COS_HI = new double[TABLE], COS_LO = new double[TABLE];
  private static final double SIXTH_HI, SIXTH_LO;
  private static final double SPLIT = 134217729.0; // 2^27 + 1, for Dekker's exact products

  static {
    MathContext mc = new MathContext(45);
    BigDecimal tiny = new BigDecimal("1e-44");
    for (int j = 0; j < TABLE; j++) {
      BigDecimal x = BigDecimal.valueOf(j).divide(BigDecimal.valueOf(STEPS_PER_UNIT), mc);
      BigDecimal x2 = x.multiply(x, mc), sinTerm = x, cosTerm = BigDecimal.ONE, sin = x, cos = BigDecimal.ONE;
      for (int n = 1; sinTerm.abs().compareTo(tiny) > 0 || cosTerm.abs().compareTo(tiny) > 0; n++) {
        sinTerm = sinTerm.multiply(x2, mc).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), mc).negate();
        cosTerm = cosTerm.multiply(x2, mc).divide(BigDecimal.valueOf((2L * n - 1) * (2L * n)), mc).negate();
        sin = sin.add(sinTerm, mc);
        cos = cos.add(cosTerm, mc);
      }
      SIN_HI[j] = sin.doubleValue();
      SIN_LO[j] = sin.subtract(new BigDecimal(SIN_HI[j]), mc).doubleValue();
      COS_HI[j] = cos.doubleValue();
      COS_LO[j] = cos.subtract(new BigDecimal(COS_HI[j]), mc).doubleValue();
    }
    BigDecimal sixth = BigDecimal.ONE.divide(BigDecimal.valueOf(6), mc);
    SIXTH_HI = sixth.doubleValue();
    SIXTH_LO = sixth.subtract(new BigDecimal(SIXTH_HI), mc).doubleValue();
  }

  static double sin(double x) {
    double a = Math.abs(x);
    if (!(a <= 4)) return Math.sin(x);
    if (a == 0) return x;
    double s = eval(a, false, null);
    return x < 0 ? -s : s;
  }

  static double cos(double x) {
    double a = Math.abs(x);
    if (!(a <= 4)) return Math.cos(x);
    return eval(a, true, null);
  }

  /**
   * asin(t) within a few units in the last place, quickly: Math.asin is a native call in Java 17,
   * several times slower than this. NaN above 1, as asin.
   */
  static double fastAsin(double t) {
    return Math.atan(t / Math.sqrt((1 - t) * (1 + t)));
  }

  /** asin(t): one Newton step from {@link #fastAsin}, with the sine evaluated to about 1e-25. */
  static double asin(double t) {
    if (!(t > 0 && t < 1)) return Math.asin(t); // 0, 1 (pi/2 rounded), NaN, out of range
    double z = fastAsin(t);
    double[] sinZ = new double[2];
    eval(z, false, sinZ);
    // t - sin(z) is exact in its high part: the two are within a few units of each other. The
    // derivative cos(z) = sqrt(1 - t^2) is only needed roughly.
    double delta = ((t - sinZ[0]) - sinZ[1]) / Math.sqrt((1 - t) * (1 + t));
    return z + delta;
  }

  /**
   * sin(a) or cos(a) for 0 <= a <= 4, rounded; with {@code dd} non-null also the unrounded
   * double-double value into dd[0] + dd[1].
   */
  private static double eval(double a, boolean cosine, double[] dd) {
    int j = (int) (a * STEPS_PER_UNIT + 0.5);
    double r = a - (double) j / STEPS_PER_UNIT; // exact, |r| <= 1/128
    double sh = SIN_HI[j], sl = SIN_LO[j], ch = COS_HI[j], cl = COS_LO[j];
    // r^2 exactly as r2h + r2l.
    double r2h = r * r, r2l = productError(r, r, r2h);
    // cos r = 1 + q, q = -r^2/2 + r^4/24 - ...: the first term exact, the rest in double.
    double qh = -r2h / 2, ql = -r2l / 2 + r2h * r2h * (1.0 / 24 - r2h * (1.0 / 720 - r2h * (1.0 / 40320)));
    // sin r = r + p, p = -r^3/6 + r^5/120 - ...: r^3/6 in double-double, the rest in double.
    double r3h = r * r2h, r3l = productError(r, r2h, r3h) + r * r2l;
    double ph = -(r3h * SIXTH_HI), pl = -(productError(r3h, SIXTH_HI, r3h * SIXTH_HI) + r3h * SIXTH_LO + r3l * SIXTH_HI);
    pl += r * r2h * r2h * (1.0 / 120 - r2h * (1.0 / 5040 - r2h * (1.0 / 362880)));
    // sin(a) = S + C r + S q + C p;  cos(a) = C - S r + C q - S p  (S, C: the table's sin, cos)
    double fh = cosine ? ch : sh, fl = cosine ? cl : sl; // multiplies cos r
    double gh = cosine ? -sh : ch, gl = cosine ? -sl : cl; // multiplies sin r
    // g*r
    double t1h = gh * r, t1l = productError(gh, r, t1h) + gl * r;
    // f*q
    double t2h = fh * qh, t2l = productError(fh, qh, t2h) + fh * ql + fl * qh;
    // g*p
    double t3h = gh * ph, t3l = productError(gh, ph, t3h) + gh * pl + gl * ph;
    // f + t1 + t2 + t3, summed in double-double from the largest
    double hi = fh, lo = fl;
    double s = hi + t1h, e = twoSumError(hi, t1h, s);
    lo += t1l + e;
    hi = s;
    s = hi + t2h;
    e = twoSumError(hi, t2h, s);
    lo += t2l + e;
    hi = s;
    s = hi + t3h;
    e = twoSumError(hi, t3h, s);
    lo += t3l + e;
    double result = s + lo;
    if (dd != null) {
      dd[0] = result;
      dd[1] = lo - (result - s);
    }
    return result;
  }

  /** The exact error of the product p = fl(a*b): a*b - p (Dekker; Math.fma is slow without the instruction). */
  private static double productError(double a, double b, double p) {
    double t = SPLIT * a, ah = t - (t - a), al = a - ah;
    t = SPLIT * b;
    double bh = t - (t - b), bl = b - bh;
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  }

  /** The exact error of the sum s = fl(a+b). */
  private static double twoSumError(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
  }
}
