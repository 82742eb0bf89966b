package io.redline.store.hll;

/**
 * Cardinality from a register histogram, by the estimator Redis 7.0 uses: Otmar Ertl, "New
 * cardinality estimation algorithms for HyperLogLog sketches" (arXiv:1702.01284), the improved
 * raw estimator with the sigma/tau corrections for empty and saturated registers. The arithmetic
 * is plain IEEE double in the paper's order, so results equal Redis's to the last unit.
 */
public final class HllEstimator {
  /** 1 / (2 ln 2): the bias constant for m → ∞. */
  private static final double ALPHA_INF = 0.721347520444481703680;

  private HllEstimator() {}

  /** {@code hist[v]} = how many registers hold v (64 slots; values above Q + 1 are ignored). */
  public static long estimate(int[] hist) {
    double m = HllLayout.REGISTERS;
    double z = m * tau((m - hist[HllLayout.Q + 1]) / m);
    for (int j = HllLayout.Q; j >= 1; --j) {
      z += hist[j];
      z *= 0.5;
    }
    z += m * sigma(hist[0] / m);
    return roundToLong(ALPHA_INF * m * m / z);
  }

  /**
   * C's llroundl on x86-64: half away from zero; a value with no long equivalent (only a crafted
   * sketch of saturated registers gives +∞) becomes the "integer indefinite" Long.MIN_VALUE.
   */
  private static long roundToLong(double e) {
    if (Double.isNaN(e) || e >= 0x1p63 || e < -0x1p63) return Long.MIN_VALUE;
    return e < 0 ? -Math.round(-e) : Math.round(e);
  }

  static double sigma(double x) {
    if (x == 1.0) return Double.POSITIVE_INFINITY;
    double zPrime;
    double y = 1;
    double z = x;
    do {
      x *= x;
      zPrime = z;
      z += x * y;
      y += y;
    } while (zPrime != z);
    return z;
  }

  static double tau(double x) {
    if (x == 0.0 || x == 1.0) return 0.0;
    double zPrime;
    double y = 1.0;
    double z = 1 - x;
    do {
      x = Math.sqrt(x);
      zPrime = z;
      y *= 0.5;
      double d = 1 - x;
      z -= d * d * y;
    } while (zPrime != z);
    return z / 3;
  }
}
