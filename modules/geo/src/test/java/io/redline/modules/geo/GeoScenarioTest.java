package io.redline.modules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Who is near me" at scale: 100,000 points (fixed seed; a country-sized spread plus dense city
 * clusters) loaded into Redline over TCP, then GEOSEARCH by radius and by box from random centres,
 * each answer checked against a brute-force model written here from Redis's definitions alone:
 * a point sits at the centre of its 26-step geohash cell, distances are haversine on a sphere of
 * radius 6372797.560856 m, and a point is in a box when its distance along the meridian is at most
 * half the height and along its own parallel at most half the width. Points within a micrometre of
 * an edge are left out of the comparison (last-bit rounding may put them either side).
 */
class GeoScenarioTest {
  @RegisterExtension static final RedlineInstance REDLINE = new RedlineInstance();

  private static final int POINTS = 100_000;
  private static final double R = 6372797.560856, LAT_LIMIT = 85.05112878;
  private static final double EDGE_METERS = 1e-6;
  private static final Random RND = new Random(8_2026);
  private static final double[][] CITIES = {{2.35, 48.85}, {13.40, 52.52}, {-0.12, 51.50}, {12.49, 41.90}, {-3.70, 40.41}};
  private static final String[] NAMES = new String[POINTS];
  private static double[] lon = new double[POINTS], lat = new double[POINTS];
  private static double[] latRad = new double[POINTS], lonRad = new double[POINTS], cosLat = new double[POINTS];
  private static RawClient client;

  @BeforeAll
  static void load() throws IOException {
    client = REDLINE.connect();
    int batch = 2000;
    for (int start = 0; start < POINTS; start += batch) {
      List<String> cmd = new ArrayList<>(List.of("GEOADD", "places"));
      for (int i = start; i < start + batch; i++) {
        double x, y;
        if (i % 2 == 0) { // Western Europe, uniformly
          x = -10 + RND.nextDouble() * 40;
          y = 36 + RND.nextDouble() * 24;
        } else { // around a city, within about 30 km
          double[] c = CITIES[RND.nextInt(CITIES.length)];
          x = c[0] + RND.nextGaussian() * 0.15;
          y = c[1] + RND.nextGaussian() * 0.1;
        }
        cmd.add(String.format(Locale.ROOT, "%.6f", x));
        cmd.add(String.format(Locale.ROOT, "%.6f", y));
        NAMES[i] = "p" + i;
        cmd.add(NAMES[i]);
        // The model's position: the centre of the point's cell (from the text that was sent).
        lon[i] = cellCentre(Double.parseDouble(cmd.get(cmd.size() - 3)), -180, 180);
        lat[i] = cellCentre(Double.parseDouble(cmd.get(cmd.size() - 2)), -LAT_LIMIT, LAT_LIMIT);
        lonRad[i] = Math.toRadians(lon[i]);
        latRad[i] = Math.toRadians(lat[i]);
        cosLat[i] = Math.cos(latRad[i]);
      }
      RespReply r = client.callParsed(cmd.toArray(new String[0]));
      assertEquals(batch, r.integer());
    }
    assertEquals(POINTS, client.callParsed("ZCARD", "places").integer());
  }

  private static double cellCentre(double v, double min, double max) {
    long cell = (long) ((v - min) / (max - min) * (1 << 26));
    return min + (cell + 0.5) * (max - min) / (1 << 26);
  }

  private static double distance(double lonRad1, double latRad1, double cosLat1, int i) {
    double u = Math.sin((latRad[i] - latRad1) / 2), v = Math.sin((lonRad[i] - lonRad1) / 2);
    return 2 * R * asin(Math.sqrt(u * u + cosLat1 * cosLat[i] * v * v));
  }

  /** asin through atan: Math.asin is a slow native call on Java 17, and a few ulps do not matter here. */
  private static double asin(double t) { return Math.atan(t / Math.sqrt((1 - t) * (1 + t))); }

  private static double[] centre() {
    if (RND.nextInt(3) == 0) return new double[] {-10 + RND.nextDouble() * 40, 36 + RND.nextDouble() * 24};
    double[] c = CITIES[RND.nextInt(CITIES.length)];
    return new double[] {c[0] + RND.nextGaussian() * 0.1, c[1] + RND.nextGaussian() * 0.07};
  }

  /** The members and reported distances of a WITHDIST reply. */
  private static Map<String, Double> withDist(RespReply r, List<String> order) {
    Map<String, Double> out = new HashMap<>();
    for (RespReply e : r.elements) {
      out.put(e.elements.get(0).text(), Double.parseDouble(e.elements.get(1).text()));
      order.add(e.elements.get(0).text());
    }
    assertEquals(order.size(), out.size(), "a member came back twice");
    return out;
  }

  @Test
  void radiusSearchesMatchTheModel() throws IOException {
    int found = 0;
    for (int q = 0; q < 80; q++) {
      double[] c = centre();
      double km = Math.pow(10, -0.7 + RND.nextDouble() * 2.7); // 200 m to 100 km
      String x = String.format(Locale.ROOT, "%.6f", c[0]), y = String.format(Locale.ROOT, "%.6f", c[1]);
      double cx = Double.parseDouble(x), cy = Double.parseDouble(y), radius = km * 1000;
      double cxr = Math.toRadians(cx), cyr = Math.toRadians(cy), cosCy = Math.cos(cyr);
      List<String> order = new ArrayList<>();
      Map<String, Double> got = withDist(client.callParsed("GEOSEARCH", "places", "FROMLONLAT", x, y,
          "BYRADIUS", String.valueOf(km), "km", "WITHDIST", "ASC"), order);
      found += got.size();
      for (int i = 0; i < POINTS; i++) {
        String m = NAMES[i];
        // A great circle is never shorter than the arc of latitude between its ends.
        if (R * Math.abs(latRad[i] - cyr) > radius + 1) {
          assertTrue(!got.containsKey(m), "query " + q + ": " + m + " is far outside");
          continue;
        }
        double d = distance(cxr, cyr, cosCy, i);
        if (Math.abs(d - radius) < EDGE_METERS) continue;
        if (d < radius) {
          assertTrue(got.containsKey(m), "query " + q + ": " + m + " at " + d + " m is inside " + radius + " m but missing");
          assertEquals(d / 1000, got.get(m), 0.000051, "query " + q + ": distance of " + m);
        } else {
          assertTrue(!got.containsKey(m), "query " + q + ": " + m + " at " + d + " m is outside " + radius + " m");
        }
      }
      for (int k = 1; k < order.size(); k++) assertTrue(got.get(order.get(k - 1)) <= got.get(order.get(k)), "ASC order");
    }
    System.out.println("GeoScenarioTest: 80 radius searches found " + found + " points");
    assertTrue(found > 20_000, "the searches should find plenty: " + found);
  }

  @Test
  void boxSearchesMatchTheModel() throws IOException {
    int found = 0;
    for (int q = 0; q < 80; q++) {
      double[] c = centre();
      double wKm = Math.pow(10, -0.5 + RND.nextDouble() * 2.7), hKm = Math.pow(10, -0.5 + RND.nextDouble() * 2.7); // 300 m to 150 km
      String x = String.format(Locale.ROOT, "%.6f", c[0]), y = String.format(Locale.ROOT, "%.6f", c[1]);
      double cxr = Math.toRadians(Double.parseDouble(x)), cyr = Math.toRadians(Double.parseDouble(y));
      double halfW = wKm * 1000 / 2, halfH = hKm * 1000 / 2;
      List<String> order = new ArrayList<>();
      Map<String, Double> got = withDist(client.callParsed("GEOSEARCH", "places", "FROMLONLAT", x, y,
          "BYBOX", String.valueOf(wKm), String.valueOf(hKm), "km", "WITHDIST", "DESC"), order);
      found += got.size();
      for (int i = 0; i < POINTS; i++) {
        double dLat = R * Math.abs(latRad[i] - cyr);
        if (dLat > halfH + 1) {
          assertTrue(!got.containsKey(NAMES[i]), "query " + q + ": p" + i + " is far outside");
          continue;
        }
        double v = Math.sin((cxr - lonRad[i]) / 2);
        double dLon = 2 * R * asin(Math.abs(cosLat[i] * v)); // along the point's parallel
        if (Math.abs(dLat - halfH) < EDGE_METERS || Math.abs(dLon - halfW) < EDGE_METERS) continue;
        String m = NAMES[i];
        boolean inside = dLat <= halfH && dLon <= halfW;
        assertEquals(inside, got.containsKey(m), "query " + q + ": " + m + " (" + dLon + ", " + dLat + " m from the centre lines)");
      }
      for (int k = 1; k < order.size(); k++) assertTrue(got.get(order.get(k - 1)) >= got.get(order.get(k)), "DESC order");
    }
    System.out.println("GeoScenarioTest: 80 box searches found " + found + " points");
    assertTrue(found > 20_000, "the searches should find plenty: " + found);
  }

  @Test
  void nearestByMemberWithCount() throws IOException {
    for (int q = 0; q < 60; q++) {
      int from = RND.nextInt(POINTS);
      int n = 1 + RND.nextInt(25);
      RespReply r = client.callParsed("GEOSEARCH", "places", "FROMMEMBER", "p" + from, "BYRADIUS", "50", "km", "COUNT", String.valueOf(n), "WITHDIST");
      List<double[]> model = new ArrayList<>(); // {distance, index}
      for (int i = 0; i < POINTS; i++) {
        double d = distance(lonRad[from], latRad[from], cosLat[from], i);
        if (d <= 50_000) model.add(new double[] {d, i});
      }
      model.sort((a, b) -> Double.compare(a[0], b[0]));
      int expect = Math.min(n, model.size());
      assertEquals(expect, r.elements.size(), "query " + q);
      Set<String> got = new HashSet<>();
      for (RespReply e : r.elements) got.add(e.elements.get(0).text());
      for (int k = 0; k < expect; k++) {
        // A neighbour tied with the n-th within a micrometre may be swapped with it.
        boolean boundaryTie = expect < model.size() && Math.abs(model.get(k)[0] - model.get(expect)[0]) < EDGE_METERS;
        if (!boundaryTie) assertTrue(got.contains("p" + (int) model.get(k)[1]), "query " + q + ": nearest #" + k + " missing");
      }
    }
  }
}
