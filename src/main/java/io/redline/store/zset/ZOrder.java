package io.redline.store.zset;

import java.util.Arrays;

/**
 * The order of a sorted set: by score with primitive comparisons (so -0 and 0 tie, unlike
 * Double.compare), then by member bytes unsigned, a shorter member first on a common prefix.
 */
final class ZOrder {
  private ZOrder() {}

  static int compare(double sa, byte[] ma, double sb, byte[] mb) {
    if (sa < sb) return -1;
    if (sa > sb) return 1;
    return Arrays.compareUnsigned(ma, mb);
  }

  /** Compares a stored member with a slice of a request buffer. */
  static int compareMember(byte[] stored, byte[] b, int off, int len) {
    return Arrays.compareUnsigned(stored, 0, stored.length, b, off, off + len);
  }

  static boolean sameMember(byte[] stored, byte[] b, int off, int len) {
    return stored.length == len && Arrays.equals(stored, 0, len, b, off, off + len);
  }
}
