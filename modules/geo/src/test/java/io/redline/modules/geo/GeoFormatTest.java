package io.redline.modules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The number formats, at the edges the differential files cannot reach (NaN distances, signs). */
class GeoFormatTest {
  private static String s(byte[] b) { return new String(b, StandardCharsets.US_ASCII); }

  @Test
  void distancesHaveFourDecimals() {
    assertEquals("0.0000", s(GeoFormat.distance(0)));
    assertEquals("0.0000", s(GeoFormat.distance(-0.0)));
    assertEquals("0.0000", s(GeoFormat.distance(0.00004)));
    assertEquals("0.0001", s(GeoFormat.distance(0.00005000001)));
    assertEquals("166.2742", s(GeoFormat.distance(166.27415156960038)));
    assertEquals("0.0000", s(GeoFormat.distance(-0.00001))); // llrint gives 0: no sign
    assertEquals("-1.5000", s(GeoFormat.distance(-1.5)));
    // NaN (a rounding-made asin(>1) at the antipodes) prints LLONG_MIN, as Redis's llrint gives.
    assertEquals("-922337203685477.5808", s(GeoFormat.distance(Double.NaN)));
  }

  @Test
  void coordinatesHaveUpToSeventeenDecimals() {
    assertEquals("13.36138933897018433", s(GeoFormat.coordinate(13.361389338970184)));
    assertEquals("180", s(GeoFormat.coordinate(180)));
    assertEquals("0", s(GeoFormat.coordinate(-0.0)));
    assertEquals("0", s(GeoFormat.coordinate(-1e-20)));
    assertEquals("-0.00000000000000001", s(GeoFormat.coordinate(-1e-17)));
  }

  @Test
  void errorsQuoteNumbersAsPrintf() {
    assertEquals("200.000000", GeoFormat.printfF(200));
    assertEquals("0.000002", GeoFormat.printfF(0.0000015));
    assertEquals("-0.000000", GeoFormat.printfF(-0.0));
    assertEquals("-0.000000", GeoFormat.printfF(-1e-9));
    assertEquals("inf", GeoFormat.printfF(Double.POSITIVE_INFINITY));
    assertEquals("-inf", GeoFormat.printfF(Double.NEGATIVE_INFINITY));
  }
}
