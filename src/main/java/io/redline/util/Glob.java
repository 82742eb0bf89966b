package io.redline.util;

import java.nio.charset.StandardCharsets;

/**
 * Redis glob matching, for KEYS, SCAN MATCH, PSUBSCRIBE, CONFIG GET and the like.
 *
 * <p>Behaviour follows redis-server 7.0's matcher, quirks included, because clients can observe
 * every difference:
 * <ul>
 *   <li>an empty subject is matched only by the empty pattern, so "*" does NOT match "" (KEYS and
 *       SCAN special-case the literal pattern "*" before matching; PSUBSCRIBE does not);
 *   <li>an unterminated class runs to the end of the pattern ("[ab" is "[ab]"); a lone "[" at the
 *       end matches nothing, a trailing "[^" matches any byte;
 *   <li>"]" straight after "[" or "[^" closes the class: "[]" matches nothing, "[^]" anything;
 *   <li>range bounds are swapped when reversed ("[z-a]" is "[a-z]"), and "-" always takes the
 *       next byte as the bound, even "]" ("[a-]" is the range ']'..'a', unterminated);
 *   <li>bytes compare signed (x86 char), which matters for ranges with bytes of 0x80 and up;
 *   <li>nocase folds only ASCII A-Z, after range bounds are swapped, and not for "\x" escapes
 *       inside a class;
 *   <li>a trailing "\" matches a literal backslash;
 *   <li>more than 1000 '*' groups that are not at the very end never match (Redis's recursion
 *       depth guard).
 * </ul>
 *
 * <p>Redis recurses on every '*'. Here the last star is resumed instead (the classic linear
 * wildcard algorithm), which is exact because every other token consumes exactly one byte and
 * where a token ends in the pattern never depends on the subject. Worst case is
 * O(pattern * subject) rather than exponential.
 */
public final class Glob {
  /** Redis refuses to recurse deeper than this many '*' groups. */
  private static final int MAX_STAR_GROUPS = 1000;

  private Glob() {}

  public static boolean match(byte[] pattern, byte[] str) {
    return match(pattern, 0, pattern.length, str, 0, str.length, false);
  }

  public static boolean match(String pattern, String str, boolean nocase) {
    byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
    byte[] s = str.getBytes(StandardCharsets.UTF_8);
    return match(p, 0, p.length, s, 0, s.length, nocase);
  }

  public static boolean match(byte[] pattern, int pOff, int pLen, byte[] str, int sOff, int sLen, boolean nocase) {
    if (sLen == 0) return pLen == 0;
    int pEnd = pOff + pLen, sEnd = sOff + sLen;
    int pi = pOff, si = sOff;
    int starP = -1; // pattern index just after the latest star group
    int starS = -1; // first subject byte that star group has not absorbed yet
    int groups = 0;
    while (si < sEnd) {
      if (pi < pEnd) {
        if (pattern[pi] == '*') {
          while (pi < pEnd && pattern[pi] == '*') pi++;
          if (pi == pEnd) return true;
          if (++groups > MAX_STAR_GROUPS) return false;
          starP = pi;
          starS = si;
          continue;
        }
        int next = matchToken(pattern, pi, pEnd, str[si], nocase);
        if (next >= 0) {
          pi = next;
          si++;
          continue;
        }
      }
      if (starP < 0) return false;
      // Earlier stars never need revisiting: the latest one can absorb anything they could.
      si = ++starS;
      pi = starP;
    }
    while (pi < pEnd && pattern[pi] == '*') pi++;
    return pi == pEnd;
  }

  /** Matches the non-star token at pi against c: the index after the token, or ~that index on a mismatch. */
  private static int matchToken(byte[] p, int pi, int pEnd, byte c, boolean nocase) {
    byte t = p[pi];
    if (t == '?') return pi + 1;
    if (t == '[') return matchClass(p, pi + 1, pEnd, c, nocase);
    if (t == '\\' && pEnd - pi >= 2) t = p[++pi];
    boolean ok = nocase ? lower(t) == lower(c) : t == c;
    return ok ? pi + 1 : ~(pi + 1);
  }

  private static int matchClass(byte[] p, int pi, int pEnd, byte c, boolean nocase) {
    boolean negate = pi < pEnd && p[pi] == '^';
    if (negate) pi++;
    boolean hit = false;
    while (true) {
      int left = pEnd - pi;
      if (left >= 2 && p[pi] == '\\') {
        if (p[++pi] == c) hit = true; // Redis compares class escapes case-sensitively, even nocase
      } else if (left > 0 && p[pi] == ']') {
        break;
      } else if (left == 0) {
        pi--; // unterminated: the class just ends with the pattern
        break;
      } else if (left >= 3 && p[pi + 1] == '-') {
        int lo = p[pi], hi = p[pi + 2], ch = c;
        if (lo > hi) {
          int tmp = lo;
          lo = hi;
          hi = tmp;
        }
        if (nocase) {
          lo = lower(lo);
          hi = lower(hi);
          ch = lower(ch);
        }
        if (ch >= lo && ch <= hi) hit = true;
        pi += 2;
      } else if (nocase ? lower(p[pi]) == lower(c) : p[pi] == c) {
        hit = true;
      }
      pi++;
    }
    pi++;
    return hit != negate ? pi : ~pi;
  }

  private static int lower(int b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  /**
   * True if the pattern has none of the bytes that carry glob meaning ('*', '?', '[', '\'), so
   * in case-sensitive mode it matches exactly the identical byte string and a caller may do a
   * direct lookup instead of scanning. The empty pattern is literal (it matches only "").
   */
  public static boolean isLiteral(byte[] pattern, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      byte b = pattern[i];
      if (b == '*' || b == '?' || b == '[' || b == '\\') return false;
    }
    return true;
  }

  public static boolean isLiteral(byte[] pattern) {
    return isLiteral(pattern, 0, pattern.length);
  }

  public static boolean isLiteral(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char b = pattern.charAt(i);
      if (b == '*' || b == '?' || b == '[' || b == '\\') return false;
    }
    return true;
  }
}
