package io.redline.command.sort;

import io.redline.command.CommandContext;
import io.redline.store.Entry;
import io.redline.store.StringValue;
import io.redline.store.hash.HashValue;

/**
 * A BY or GET pattern, resolved for one element the way Redis 7.0 does it:
 * <ul>
 *   <li>"#" is the element itself;
 *   <li>otherwise the first '*' is replaced by the element to name a key, whose string value is
 *       the result; a pattern without '*' names nothing (null);
 *   <li>"->field" after the '*' reads that field of a hash instead; "->" with nothing after it
 *       is just part of the key name;
 *   <li>a key of another type, a missing key or a missing field is null.
 * </ul>
 * Redis finds '#', '*' and "->" with C string functions, so they only count before the
 * pattern's first NUL byte, while the key name and field name take every byte; that is kept.
 */
final class SortPattern {
  private final byte[] pattern;
  private final boolean self;
  private final int star;
  private final int keySuffixEnd; // end of the part after '*' that belongs to the key name
  private final byte[] field; // null: no hash field

  SortPattern(byte[] pattern) {
    this.pattern = pattern;
    int cEnd = cLength(pattern);
    this.self = cEnd == 1 && pattern[0] == '#';
    this.star = star(pattern);
    int arrow = -1;
    if (star >= 0) {
      for (int i = star + 1; i + 1 < cEnd; i++) {
        if (pattern[i] == '-' && pattern[i + 1] == '>') {
          arrow = i;
          break;
        }
      }
    }
    if (arrow >= 0 && arrow + 2 < cEnd) {
      keySuffixEnd = arrow;
      field = java.util.Arrays.copyOfRange(pattern, arrow + 2, pattern.length);
    } else {
      keySuffixEnd = pattern.length;
      field = null;
    }
  }

  /** Index of the first '*' before the first NUL (C strchr), or -1. */
  static int star(byte[] p) {
    for (int i = 0; i < p.length && p[i] != 0; i++) if (p[i] == '*') return i;
    return -1;
  }

  private static int cLength(byte[] p) {
    int n = 0;
    while (n < p.length && p[n] != 0) n++;
    return n;
  }

  /** The value this pattern names for {@code element}, or null; the result is only for reading. */
  byte[] lookup(CommandContext ctx, byte[] element) {
    if (self) return element;
    if (star < 0) return null;
    int suffix = keySuffixEnd - star - 1;
    byte[] key = new byte[star + element.length + suffix];
    System.arraycopy(pattern, 0, key, 0, star);
    System.arraycopy(element, 0, key, star, element.length);
    System.arraycopy(pattern, star + 1, key, star + element.length, suffix);
    // A lookup for reading, as Redis's lookupKeyRead: expires lazily, counts hits and misses.
    Entry e = ctx.db().db(key).lookupRead(key, 0, key.length, ctx.now);
    if (e == null) return null;
    e.touch(ctx.server.lruClock());
    Object v = e.value();
    if (field != null) return v instanceof HashValue h ? h.get(field, 0, field.length) : null;
    return StringValue.isString(v) ? StringValue.bytes(v) : null;
  }
}
