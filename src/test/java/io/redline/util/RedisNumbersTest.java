package io.redline.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RedisNumbers vs redis-server 7.0.15. Expected strings were captured from a real server
 * (INCRBY, ZADD + ZSCORE on a skiplist zset, ZRANGEBYSCORE, INCRBYFLOAT); the parsers
 * and formatters were also diffed there against ~18k random inputs each.
 */
class RedisNumbersTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean isLong(String s) {
    return RedisNumbers.isLong(b(s), 0, s.length());
  }

  private static double parseDouble(String s) {
    return RedisNumbers.parseDouble(b(s), 0, s.length());
  }

  private static double range(String s) {
    return RedisNumbers.parseRangeDouble(b(s), 0, s.length());
  }

  // ------------------------------------------------------------------ integers

  @Test
  void longsFollowString2ll() {
    for (String ok : new String[] {"0", "1", "-1", "9223372036854775807", "-9223372036854775808", "1234"}) {
      assertTrue(isLong(ok), ok);
      assertEquals(Long.parseLong(ok), RedisNumbers.parseLong(b(ok)));
    }
    for (String bad : new String[] {"-0", "01", "00", "-01", "+1", " 1", "1 ", "", "-", "1.0",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "-00000000000000000001"}) {
      assertFalse(isLong(bad), bad);
      assertThrows(NumberFormatException.class, () -> RedisNumbers.parseLong(b(bad)), bad);
    }
    byte[] buf = b("xx-42yy");
    assertEquals(-42, RedisNumbers.parseLong(buf, 2, 3));
  }

  @Test
  void longFormatting() {
    for (long v : new long[] {0, 7, 9999, 10000, -1, -9999, 123456789012L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      String s = Long.toString(v);
      assertArrayEquals(b(s), RedisNumbers.longToBytes(v), s);
      assertEquals(s.length(), RedisNumbers.digits(v), s);
    }
    assertSame(RedisNumbers.longToBytes(42), RedisNumbers.longToBytes(42));
    byte[] dst = new byte[25];
    assertEquals(21, RedisNumbers.writeLong(dst, 1, Long.MIN_VALUE));
    assertEquals("-9223372036854775808", new String(dst, 1, 20, StandardCharsets.US_ASCII));
  }

  // ------------------------------------------------------------------- doubles

  @Test
  void zaddScoresRoundTripLikeZscore() {
    String[][] cases = {
      {"1e300", "1.0000000000000001e+300"}, {"0.1", "0.10000000000000001"}, {"3.0", "3"},
      {"-0.0", "-0"}, {"1e-5", "1.0000000000000001e-05"}, {"123456789012345678", "1.2345678901234568e+17"},
      {"1.5", "1.5"}, {"0", "0"}, {"-1e300", "-1.0000000000000001e+300"}, {"1e17", "1e+17"},
      {"1e16", "10000000000000000"}, {"4503599627370497", "4503599627370497"}, {"1e15", "1000000000000000"},
      {"0.5e-4", "5.0000000000000002e-05"}, {"1e-4", "0.0001"}, {"123.456", "123.456"},
      {"1e-310", "9.9999999999999694e-311"}, {"1e308", "1e+308"}, {"inf", "inf"}, {"-inf", "-inf"},
      {"+inf", "inf"}, {"infinity", "inf"}, {"INF", "inf"}, {"Infinity", "inf"}, {"0x10", "16"},
      {"0x1p3", "8"}, {"0x.8", "0.5"}, {"+.5", "0.5"}, {"5.", "5"}, {"0e-9999", "0"},
      {"1.7976931348623157e308", "1.7976931348623157e+308"}, {"2.2250738585072014e-308", "2.2250738585072014e-308"},
      {"4.9e-324", "4.9406564584124654e-324"}, {"2.5e-324", "4.9406564584124654e-324"},
      {"0x1p-1074", "4.9406564584124654e-324"}, {"9.999e-5", "9.9989999999999996e-05"},
      {"12345678901234567890", "1.2345678901234567e+19"}, {"-1e-300", "-1e-300"},
      {"99999999999999999", "1e+17"}, {"12345678.9", "12345678.9"}, {"-4503599627370496", "-4503599627370496"},
      {"1.00000762939453125", "1.0000076293945312"},   // exact tie: printf rounds half to even
      {"0.000003814697265625", "3.814697265625e-06"}, {"-1.5e-7", "-1.4999999999999999e-07"},
      {"1e-320", "9.9998886718268301e-321"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], RedisNumbers.formatDouble(parseDouble(c[0])), c[0]);
    }
    assertEquals("0.30000000000000004", RedisNumbers.formatDouble(0.1 + 0.2));   // ZADD 0.1 + ZINCRBY 0.2
    assertEquals("nan", RedisNumbers.formatDouble(Double.NaN));
  }

  @Test
  void zaddRejectsWhatRedisRejects() {
    for (String bad : new String[] {" 1", "1 ", "", "nan", "NaN", "-nan", "1e400", "1e-400",
        "1.7976931348623159e308", "infin", "in", ".", "-", "+", "e5", "1e", "1e+", "0x", "0x.",
        "0xp1", "1.5d", "1_0", "2.4e-324", "0x1p-1075", "--1", "1..2", "\t1", "1\0", "0x1g"}) {
      assertTrue(Double.isNaN(RedisNumbers.parseDoubleOrNaN(b(bad), 0, bad.length())), bad);
      assertThrows(NumberFormatException.class, () -> parseDouble(bad), bad);
    }
    assertEquals(-0.0, parseDouble("-0"));
    assertTrue(1 / parseDouble("-0") < 0);
    assertEquals(3.0, parseDouble("0X1.8P1"));
  }

  @Test
  void rangeBoundsAreLenientLikeBareStrtod() {
    assertEquals(0.0, range(""));
    assertEquals(1.0, range(" 1"));
    assertEquals(1.0, range(" \t1"));
    assertEquals(1.0, range("1\0junk"));
    assertEquals(0.0, range("\0"));
    assertEquals(Double.POSITIVE_INFINITY, range("1e400"));
    assertEquals(0.0, range("1e-400"));
    assertEquals(1.0, range("0x1"));
    assertEquals(Double.POSITIVE_INFINITY, range("inf"));
    for (String bad : new String[] {"1 ", "nan", " ", "abc", "1x"}) {
      assertTrue(Double.isNaN(range(bad)), bad);
    }
  }

  // --------------------------------------------------- INCRBYFLOAT (long double)

  private static final String INVALID = "<value is not a valid float>";
  private static final String NAN_OR_INF = "<increment would produce NaN or Infinity>";

  /** {current value or null for a missing key, increment, INCRBYFLOAT reply}. */
  private static final String[][] INCR = {
    {"10.5", "0.1", "10.6"},
    {"10.6", "5.0e3", "5010.60000000000000009"},
    {"0.1", "0.2", "0.3"},
    {null, "1e30", "1000000000000000000024696061952"},
    {null, "1e-20", "0"},
    {null, "-1e-20", "0"},
    {null, "1e-17", "0.00000000000000001"},
    {null, "5e-18", "0"},
    {null, "1.5e-17", "0.00000000000000002"},
    {null, "1e-400", "0"},
    {null, "1e-5000", INVALID},
    {null, "1e4933", INVALID},
    {null, "0x10", "16"},
    {null, "inf", NAN_OR_INF},
    {"inf", "0", NAN_OR_INF},
    {null, "-inf", NAN_OR_INF},
    {null, "nan", INVALID},
    {null, " 1", INVALID},
    {null, "1 ", INVALID},
    {null, "", INVALID},
    {null, "+.5", "0.5"},
    {null, "5.", "5"},
    {null, "123456789012345678", "123456789012345678"},
    {null, "1.2345678901234567", "1.2345678901234567"},
    {null, "3.0", "3"},
    {null, "-0.0", "0"},
    {"-0.0", "-0.0", "0"},
    {null, "12345678901234567890123", "12345678901234567889920"},
    {null, "3.14159265358979323846", "3.14159265358979324"},
    {null, "2.5e-18", "0"},
    {null, "7.5e-18", "0.00000000000000001"},
    {"1", "1e-17", "1.00000000000000001"},
    {null, "0x1p-16445", "0"},
    {null, "0x1p-16446", INVALID},
    {null, "01", "1"},
    {"abc", "1", INVALID},
    {" 1", "1", INVALID},
    {"1", "-1", "0"},
    {"100", "-100.5", "-0.5"},
    {"9223372036854775807", "0", "9223372036854775807"},
    {"-9223372036854775808", "0.5", "-9223372036854775807.5"},
    {null, "0.000003814697265625", "0.00000381469726562"},
    {null, "0.000011444091796875", "0.00001144409179688"},
    {null, "1.5e10", "15000000000"},
    {null, "-2.5E-3", "-0.0025"},
    {"5.0e3", "2.0e2", "5200"},
    {null, "0x1.8p1", "3"},
    {null, "1e19", "10000000000000000000"},
    {null, "1e20", "100000000000000000000"},
    {"3", "1.1", "4.1"},
  };

  private static String incr(String cur, String inc) {
    if ((cur != null && !RedisNumbers.isLongDouble(b(cur), 0, cur.length()))
        || !RedisNumbers.isLongDouble(b(inc), 0, inc.length())) {
      assertThrows(NumberFormatException.class,
        () -> RedisNumbers.incrByFloat(cur == null ? null : b(cur), 0, cur == null ? 0 : cur.length(),
          b(inc), 0, inc.length()));
      return INVALID;
    }
    String r = RedisNumbers.incrByFloat(cur == null ? null : b(cur), 0, cur == null ? 0 : cur.length(),
      b(inc), 0, inc.length());
    return r == null ? NAN_OR_INF : r;
  }

  @Test
  void incrByFloatMatchesRedisLongDouble() {
    for (String[] c : INCR) {
      assertEquals(c[2], incr(c[0], c[1]), c[0] + " + " + c[1]);
    }
  }

  @Test
  void incrByFloatHugeAndBoundaryValues() {
    assertBig(incr(null, "1e400"), 401, "1000000000000000000028188068394758651458",
      "2664138176309734806343732497430221946880");
    assertBig(incr("1e308", "1e308"), 309, "1999999999999999999933717593116912913211",
      "1514636284849020905456510092687857156096");
    assertBig(incr(null, "1e4932"), 4933, "1000000000000000000006018949387963891323",
      "0876379371163141086538418113791886622720");
    assertBig(incr("1e4931", "1e4932"), 4933, "1100000000000000000038868581125278743253",
      "9379301162028953123205997527100062433280");
    assertBig(incr(null, "-1e4932"), 4934, "-100000000000000000000601894938796389132",
      "0876379371163141086538418113791886622720");
    // strtold input is capped at 5119 bytes.
    String ok = "0".repeat(5118) + "1";
    String tooLong = "0".repeat(5119) + "1";
    assertEquals("1", incr(null, ok));
    assertEquals(INVALID, incr(null, tooLong));
    assertEquals(1.0, parseDouble(tooLong));   // ZADD has no such limit
  }

  private static void assertBig(String actual, int len, String prefix, String suffix) {
    assertEquals(len, actual.length());
    assertTrue(actual.startsWith(prefix), actual);
    assertTrue(actual.endsWith(suffix), actual);
  }

  @Test
  void formatIncrByFloatOfDoubleMatchesRedisForItsShortestDecimal() {
    // Expected values are INCRBYFLOAT replies for the typed decimal Double.toString(d).
    assertEquals("10.6", RedisNumbers.formatIncrByFloat(10.5 + 0.1));
    assertEquals("0.30000000000000004", RedisNumbers.formatIncrByFloat(0.1 + 0.2));
    assertEquals("5010.60000000000000009", RedisNumbers.formatIncrByFloat(5010.6));
    assertEquals("0.00001", RedisNumbers.formatIncrByFloat(1e-5));
    assertEquals("1000000000000000000024696061952", RedisNumbers.formatIncrByFloat(1e30));
    assertEquals("-0.0007", RedisNumbers.formatIncrByFloat(-7e-4));
    assertEquals("0", RedisNumbers.formatIncrByFloat(-0.0));
    assertEquals("0", RedisNumbers.formatIncrByFloat(1e-20));
    String max = RedisNumbers.formatIncrByFloat(Double.MAX_VALUE);
    assertEquals(309, max.length());
    assertTrue(max.startsWith("17976931348623156999592104677410443404838644694432917848531442076517662852312439635470186860838708556442879341942552068930"));
    assertEquals("inf", RedisNumbers.formatIncrByFloat(Double.POSITIVE_INFINITY));
    assertNull(RedisNumbers.incrByFloat(null, 0, 0, b("inf"), 0, 3));
  }
}
