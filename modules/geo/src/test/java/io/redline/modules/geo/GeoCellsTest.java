package io.redline.modules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The grid arithmetic: scores Redis stores, decoding, neighbours at the edges, the correctly rounded trigonometry. */
class GeoCellsTest {
  @Test
  void scoresAreRedisScores() {
    assertEquals(3479099956230698.0, GeoCells.score(13.361389, 38.115556)); // GEOADD Sicily ... Palermo
    assertEquals(0.0, GeoCells.score(-180, -85.05112878));
    assertEquals(13510798882111488.0, GeoCells.score(180, 85.05112878)); // the maximum: bits 52 and 53
  }

  @Test
  void decodingGivesTheCellCentre() {
    double[] xy = new double[2];
    GeoCells.decode(3479099956230698.0, xy);
    assertEquals(13.36138933897018433, xy[0]);
    assertEquals(38.11555639549629859, xy[1]);
    GeoCells.decode(-1, xy); // uint64 conversion: all ones, clamped
    assertEquals(180, xy[0]);
    assertEquals(85.05112878, xy[1]);
  }

  @Test
  void neighboursWrapAroundTheGrid() {
    long corner = 0; // step 2: the south-west cell
    assertEquals(GeoCells.encode(179.9, -85, 2, GeoCells.LAT_MIN, GeoCells.LAT_MAX), GeoCells.neighbour(corner, 2, -1, 0));
    assertEquals(GeoCells.encode(-179.9, 85, 2, GeoCells.LAT_MIN, GeoCells.LAT_MAX), GeoCells.neighbour(corner, 2, 0, -1));
    assertEquals(GeoCells.encode(-90, -40, 2, GeoCells.LAT_MIN, GeoCells.LAT_MAX), GeoCells.neighbour(corner, 2, 1, 1));
  }

  @Test
  void roundedTrigonometryIsCorrectlyRounded() {
    // Against 50-digit BigDecimal references: every result must be the double nearest the true value.
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 200; i++) {
      double x = (r.nextDouble() * 2 - 1) * 3.2;
      assertEquals(reference(x, false), RoundedTrig.sin(x), "sin " + x);
      assertEquals(reference(x, true), RoundedTrig.cos(x), "cos " + x);
      double t = i % 3 == 0 ? 1 - r.nextDouble() * 1e-6 : r.nextDouble();
      assertEquals(referenceAsin(t), RoundedTrig.asin(t), "asin " + t);
    }
    assertEquals(Math.PI / 2, RoundedTrig.asin(1));
    assertEquals(0.0, RoundedTrig.asin(0));
    assertTrue(Double.isNaN(RoundedTrig.asin(1.0000000000000002)));
  }

  private static final MathContext MC = new MathContext(50);

  private static BigDecimal series(BigDecimal x, boolean cosine) {
    BigDecimal x2 = x.multiply(x, MC), term = cosine ? BigDecimal.ONE : x, sum = term;
    for (int n = 1; n < 40; n++) {
      long k = cosine ? (2L * n - 1) * (2L * n) : (2L * n) * (2L * n + 1);
      term = term.multiply(x2, MC).divide(BigDecimal.valueOf(k), MC).negate();
      sum = sum.add(term, MC);
    }
    return sum;
  }

  private static double reference(double x, boolean cosine) { return series(new BigDecimal(x), cosine).doubleValue(); }

  private static double referenceAsin(double t) {
    BigDecimal z = new BigDecimal(Math.asin(t)), target = new BigDecimal(t);
    for (int i = 0; i < 5; i++) z = z.subtract(series(z, false).subtract(target, MC).divide(series(z, true), MC), MC);
    return z.doubleValue();
  }
}
