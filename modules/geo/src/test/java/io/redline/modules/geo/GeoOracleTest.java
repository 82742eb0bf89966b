package io.redline.modules.geo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random geo data and queries (fixed seed) sent to redis-server and to Redline, replies compared
 * byte for byte. Where the differential files check each rule once, this checks the arithmetic in
 * bulk: thousands of distances printed to 4 decimals and stored to 17 digits (STOREDIST), decoded
 * coordinates, borderline points of radius and box searches, and the order results are found in.
 * Skipped without redis-server.
 */
class GeoOracleTest {
  @RegisterExtension static final RedisOracle REDIS = new RedisOracle();
  @RegisterExtension static final RedlineInstance REDLINE = new RedlineInstance();

  private static RawClient redis, redline;
  private static final Random RND = new Random(20260415);
  private static final String[] UNITS = {"m", "km", "mi", "ft"};
  private static final int POINTS = 4000;
  private final List<String> mismatches = new ArrayList<>();
  private int compared;

  @BeforeAll
  static void load() throws IOException {
    redis = REDIS.connect();
    redline = REDLINE.connect();
    // Half spread over the world, half packed into a city, where cells and ties get crowded.
    for (int batch = 0; batch < POINTS / 200; batch++) {
      List<String> cmd = new ArrayList<>(List.of("GEOADD", "pts"));
      for (int i = 0; i < 200; i++) {
        int n = batch * 200 + i;
        boolean city = n % 2 == 0;
        double lon = city ? 2.2 + RND.nextDouble() * 0.3 : -180 + RND.nextDouble() * 360;
        double lat = city ? 48.75 + RND.nextDouble() * 0.2 : -85 + RND.nextDouble() * 170;
        cmd.add(fmt(lon));
        cmd.add(fmt(lat));
        cmd.add("p" + n);
      }
      String[] args = cmd.toArray(new String[0]);
      redis.call(args);
      redline.call(args);
    }
  }

  @AfterAll
  static void close() {
    if (redis != null) redis.close();
    if (redline != null) redline.close();
  }

  private static String fmt(double d) { return String.format(Locale.ROOT, "%.7f", d); }

  private void same(String... cmd) throws IOException {
    byte[] a = redis.call(cmd), b = redline.call(cmd);
    compared++;
    if (!Arrays.equals(a, b) && mismatches.size() < 10) {
      // Long replies: show where they part, not their (identical) beginnings.
      int at = Math.max(0, Arrays.mismatch(a, b) - 60);
      mismatches.add(String.join(" ", cmd) + "\n  from byte " + at + "\n  redis:   " + excerpt(a, at) + "\n  redline: " + excerpt(b, at));
    }
  }

  private int scoresCompared, scoresExact;

  /**
   * ZRANGE ... WITHSCORES of a STOREDIST result: the same members, and each distance either the
   * same double or within a few units in the last place. glibc's sin, cos and asin are correctly
   * rounded except in rare hard cases, which Redline (correctly rounded always) cannot repeat; so
   * the exact share is checked instead: at least 99% (it is about 99.7%; Math's functions give 92%).
   */
  private void sameDistances(String... cmd) throws IOException {
    RespReply a = RespReply.parse(redis.call(cmd)), b = RespReply.parse(redline.call(cmd));
    compared++;
    java.util.Map<String, Double> mine = new java.util.HashMap<>();
    for (int i = 0; i + 1 < b.elements.size(); i += 2) mine.put(b.elements.get(i).text(), Double.parseDouble(b.elements.get(i + 1).text()));
    boolean ok = a.elements.size() == b.elements.size();
    for (int i = 0; ok && i + 1 < a.elements.size(); i += 2) {
      Double theirs = Double.parseDouble(a.elements.get(i + 1).text()), ours = mine.get(a.elements.get(i).text());
      ok = ours != null && Math.abs(Double.doubleToLongBits(ours) - Double.doubleToLongBits(theirs)) <= 8;
      scoresCompared++;
      if (ok && ours.equals(theirs)) scoresExact++;
    }
    if (!ok && mismatches.size() < 10) {
      int at = Math.max(0, Arrays.mismatch(a.raw, b.raw) - 60);
      mismatches.add(String.join(" ", cmd) + "\n  from byte " + at + "\n  redis:   " + excerpt(a.raw, at) + "\n  redline: " + excerpt(b.raw, at));
    }
  }

  private static String excerpt(byte[] r, int from) {
    return Escape.bytes(Arrays.copyOfRange(r, Math.min(from, r.length), Math.min(r.length, from + 160)));
  }

  private void assertNoMismatch() {
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + compared + " replies differ, e.g.\n" + String.join("\n", mismatches));
  }

  private static String member() { return "p" + RND.nextInt(POINTS); }

  private static String[] centre() {
    boolean city = RND.nextBoolean();
    double lon = city ? 2.2 + RND.nextDouble() * 0.3 : -180 + RND.nextDouble() * 360;
    double lat = city ? 48.75 + RND.nextDouble() * 0.2 : -85 + RND.nextDouble() * 170;
    return new String[] {fmt(lon), fmt(lat)};
  }

  /** Sizes from a few meters to a hemisphere, log-uniform. */
  private static String size() { return fmt(Math.pow(10, 1 + RND.nextDouble() * 6.3) / 1000); }

  @Test
  void distancesAndPositions() throws IOException {
    for (int i = 0; i < 1500; i++) same("GEODIST", "pts", member(), member(), UNITS[RND.nextInt(4)]);
    for (int i = 0; i < 200; i++) same("GEOPOS", "pts", member(), member(), member(), "nosuch");
    for (int i = 0; i < 200; i++) same("GEOHASH", "pts", member(), member(), member());
    assertNoMismatch();
  }

  @Test
  void searchesInFoundOrderWithEverything() throws IOException {
    for (int i = 0; i < 300; i++) {
      String[] c = centre();
      List<String> cmd = new ArrayList<>(List.of("GEOSEARCH", "pts"));
      if (RND.nextInt(4) == 0) cmd.addAll(List.of("FROMMEMBER", member()));
      else cmd.addAll(List.of("FROMLONLAT", c[0], c[1]));
      if (RND.nextBoolean()) cmd.addAll(List.of("BYRADIUS", size(), "km"));
      else cmd.addAll(List.of("BYBOX", size(), size(), "km"));
      cmd.addAll(List.of("WITHDIST", "WITHCOORD", "WITHHASH"));
      int order = RND.nextInt(4);
      if (order == 1) cmd.add("ASC");
      if (order == 2) cmd.add("DESC");
      if (RND.nextInt(3) == 0) cmd.addAll(List.of("COUNT", String.valueOf(1 + RND.nextInt(50))));
      if (cmd.contains("COUNT") && RND.nextBoolean()) cmd.add("ANY");
      same(cmd.toArray(new String[0]));
    }
    assertNoMismatch();
  }

  @Test
  void storedDistancesToTheLastBit() throws IOException {
    for (int i = 0; i < 150; i++) {
      String[] c = centre();
      String unit = UNITS[RND.nextInt(4)];
      double km = Double.parseDouble(size());
      double inUnit = km * 1000 / switch (unit) { case "km" -> 1000; case "mi" -> 1609.34; case "ft" -> 0.3048; default -> 1; };
      if (RND.nextBoolean()) {
        same("GEOSEARCHSTORE", "{pts}d", "pts", "FROMLONLAT", c[0], c[1], "BYRADIUS", fmt(inUnit), unit, "STOREDIST");
      } else {
        same("GEORADIUS", "pts", c[0], c[1], fmt(inUnit), unit, "STOREDIST", "dist" + i);
        sameDistances("ZRANGE", "dist" + i, "0", "-1", "WITHSCORES");
        same("GEOSEARCHSTORE", "{pts}d", "pts", "FROMMEMBER", member(), "BYBOX", fmt(inUnit), fmt(inUnit / 2), unit, "STOREDIST");
      }
      sameDistances("ZRANGE", "{pts}d", "0", "-1", "WITHSCORES");
    }
    assertNoMismatch();
    assertTrue(scoresExact >= scoresCompared * 0.99, scoresExact + " of " + scoresCompared + " stored distances are bit-exact");
    System.out.println("GeoOracleTest: " + scoresExact + " of " + scoresCompared + " stored distances bit-exact");
  }

  @Test
  void radiusCommandsAndResp3() throws IOException {
    for (int i = 0; i < 100; i++) {
      String[] c = centre();
      same("GEORADIUS_RO", "pts", c[0], c[1], size(), "km", "WITHDIST", "ASC");
      same("GEORADIUSBYMEMBER_RO", "pts", member(), size(), "km", "WITHCOORD");
    }
    redis.call("HELLO", "3");
    redline.call("HELLO", "3");
    try {
      for (int i = 0; i < 100; i++) {
        String[] c = centre();
        same("GEOSEARCH", "pts", "FROMLONLAT", c[0], c[1], "BYRADIUS", size(), "km", "WITHCOORD", "WITHDIST", "COUNT", "20");
        same("GEOPOS", "pts", member(), member());
      }
    } finally {
      redis.call("HELLO", "2");
      redline.call("HELLO", "2");
    }
    assertNoMismatch();
  }
}
