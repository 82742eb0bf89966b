/*
 * Redis-compatible glob matching (KEYS, SCAN MATCH, PSUBSCRIBE, CONFIG GET, ...).
 *
 * Behaviour follows redis-server 7.0's matcher, quirks included, because clients
 * can observe every difference:
 *  - an empty subject is matched only by the empty pattern (so "*" does NOT match "";
 *    KEYS and SCAN special-case the literal pattern "*" themselves before calling us);
 *  - an unterminated "[" class extends to the end of the pattern ("[ab" == "[ab]");
 *    a lone "[" at the very end matches nothing, a trailing "[^" matches any byte;
 *  - "]" right after "[" or "[^" closes the class, so "[]" matches nothing and "[^]" anything;
 *  - ranges with reversed bounds are swapped ("[z-a]" == "[a-z]"); "[a-]" is the
 *    range ']'..'a' (the '-' grabs the next byte even if it is ']');
 *  - bytes compare as signed (x86 char), so ranges with bytes >= 0x80 behave like Redis;
 *  - nocase folds only ASCII A-Z, is applied after swapping range bounds, and is NOT
 *    applied to "\x" escapes inside a class;
 *  - a trailing "\" matches a literal backslash;
 *  - patterns with more than 1000 non-trailing "*" groups never match a non-empty
 *    subject (Redis' recursion-depth guard).
 *
 * Redis recurses on every '*'; here we use the linear "resume after the last star"
 * technique instead. It is exact because every non-star token consumes exactly one
 * byte and how far a token extends in the pattern never depends on the subject, so
 * the pattern is a sequence of stars and single-byte predicates. Worst case is
 * O(pattern * subject), never exponential.
 */
package io.redline.util;

import java.nio.charset.StandardCharsets;

public final class Glob {

    /** Redis refuses to recurse deeper than this many '*' groups. */
    private static final int MAX_STAR_GROUPS = 1000;

    private Glob() {
    }

    public static boolean match(byte[] pattern, byte[] str) {
        return match(pattern, 0, pattern.length, str, 0, str.length, false);
    }

    public static boolean match(String pattern, String str, boolean nocase) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] s = str.getBytes(StandardCharsets.UTF_8);
        return match(p, 0, p.length, s, 0, s.length, nocase);
    }

    public static boolean match(byte[] pattern, int pOff, int pLen, byte[] str, int sOff, int sLen,
                                boolean nocase) {
        if (sLen == 0) {
            return pLen == 0;
        }
        final int pEnd = pOff + pLen;
        final int sEnd = sOff + sLen;
        int pi = pOff;
        int si = sOff;
        int starP = -1;   // pattern index just after the most recent star group
        int starS = -1;   // subject index that star group currently starts absorbing from
        int groups = 0;
        while (si < sEnd) {
            if (pi < pEnd) {
                if (pattern[pi] == '*') {
                    while (pi < pEnd && pattern[pi] == '*') {
                        pi++;
                    }
                    if (pi == pEnd) {
                        return true;
                    }
                    if (++groups > MAX_STAR_GROUPS) {
                        return false;
                    }
                    starP = pi;
                    starS = si;
                    continue;
                }
                int r = matchToken(pattern, pi, pEnd, str[si], nocase);
                if (r >= 0) {
                    pi = r;
                    si++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            // Let the last star swallow one more byte and retry the rest from there.
            si = ++starS;
            pi = starP;
        }
        while (pi < pEnd && pattern[pi] == '*') {
            pi++;
        }
        return pi == pEnd;
    }

    /**
     * Matches the single non-star token starting at {@code pi} against byte {@code c}.
     * Returns the pattern index after the token on success, or ~index on failure.
     */
    private static int matchToken(byte[] p, int pi, int pEnd, byte c, boolean nocase) {
        byte t = p[pi];
        if (t == '?') {
            return pi + 1;
        }
        if (t == '[') {
            return matchClass(p, pi + 1, pEnd, c, nocase);
        }
        if (t == '\\' && pEnd - pi >= 2) {
            pi++;
            t = p[pi];
        }
        boolean ok = nocase ? lower(t) == lower(c) : t == c;
        return ok ? pi + 1 : ~(pi + 1);
    }

    private static int matchClass(byte[] p, int pi, int pEnd, byte c, boolean nocase) {
        boolean negate = pi < pEnd && p[pi] == '^';
        if (negate) {
            pi++;
        }
        boolean hit = false;
        while (true) {
            int left = pEnd - pi;
            if (left >= 2 && p[pi] == '\\') {
                pi++;
                if (p[pi] == c) {   // Redis compares escapes case-sensitively even with nocase
                    hit = true;
                }
            } else if (left > 0 && p[pi] == ']') {
                break;
            } else if (left == 0) {
                // Unterminated class: it simply runs to the end of the pattern.
                pi--;
                break;
            } else if (left >= 3 && p[pi + 1] == '-') {
                int lo = p[pi];
                int hi = p[pi + 2];
                if (lo > hi) {
                    int tmp = lo;
                    lo = hi;
                    hi = tmp;
                }
                int ch = c;
                if (nocase) {
                    lo = lower(lo);
                    hi = lower(hi);
                    ch = lower(ch);
                }
                if (ch >= lo && ch <= hi) {
                    hit = true;
                }
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
     * True if the pattern contains none of the bytes that give glob meaning
     * ('*', '?', '[', '\'), i.e. it only matches the identical byte string, so a
     * caller may do a direct lookup. (A lone ']' or '^' or '-' is literal.)
     * Note the empty pattern is literal and matches only the empty subject.
     */
    public static boolean isLiteral(byte[] pattern, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            byte b = pattern[i];
            if (b == '*' || b == '?' || b == '[' || b == '\\') {
                return false;
            }
        }
        return true;
    }

    public static boolean isLiteral(byte[] pattern) {
        return isLiteral(pattern, 0, pattern.length);
    }

    public static boolean isLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char b = pattern.charAt(i);
            if (b == '*' || b == '?' || b == '[' || b == '\\') {
                return false;
            }
        }
        return true;
    }
}
