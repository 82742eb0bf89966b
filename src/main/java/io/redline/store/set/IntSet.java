package io.redline.store.set;

import java.util.Arrays;

/**
 * Redis's "intset": distinct 64-bit integers kept sorted in one exactly-sized array of the
 * narrowest width that holds them all (16, 32 or 64 bits). The width only grows, as in Redis.
 * Lookups are binary searches; inserts and removals move the tail, which is cheap at the sizes
 * set-max-intset-entries allows.
 */
final class IntSet {
  private short[] s16 = new short[0]; // exactly one of the three arrays is non-null
  private int[] s32;
  private long[] s64;

  IntSet() {}

  private IntSet(short[] a, int[] b, long[] c) {
    s16 = a;
    s32 = b;
    s64 = c;
  }

  /** An intset of distinct ascending values stored {@code width} bytes each (2, 4 or 8), as an RDB intset blob has them. */
  static IntSet of(long[] sorted, int width) {
    if (width == 2) {
      short[] a = new short[sorted.length];
      for (int i = 0; i < a.length; i++) a[i] = (short) sorted[i];
      return new IntSet(a, null, null);
    }
    if (width == 4) {
      int[] a = new int[sorted.length];
      for (int i = 0; i < a.length; i++) a[i] = (int) sorted[i];
      return new IntSet(null, a, null);
    }
    return new IntSet(null, null, sorted.clone());
  }

  IntSet copy() {
    return new IntSet(s16 == null ? null : s16.clone(), s32 == null ? null : s32.clone(), s64 == null ? null : s64.clone());
  }

  int size() {
    if (s16 != null) return s16.length;
    return s32 != null ? s32.length : s64.length;
  }

  /** Bytes per member: 2, 4 or 8 (Redis's intset encoding, as RDB and DUMP write it). */
  int width() { return s16 != null ? 2 : s32 != null ? 4 : 8; }

  /** The i-th smallest member. */
  long get(int i) {
    if (s16 != null) return s16[i];
    return s32 != null ? s32[i] : s64[i];
  }

  boolean contains(long v) { return indexOf(v) >= 0; }

  /** Binary search: the index of v, or (-(insertion point) - 1). */
  private int indexOf(long v) {
    if (s16 != null) return v == (short) v ? Arrays.binarySearch(s16, (short) v) : (v < 0 ? -1 : -s16.length - 1);
    if (s32 != null) return v == (int) v ? Arrays.binarySearch(s32, (int) v) : (v < 0 ? -1 : -s32.length - 1);
    return Arrays.binarySearch(s64, v);
  }

  /** Adds v; false when it was already a member. */
  boolean add(long v) {
    int i = indexOf(v);
    if (i >= 0) return false;
    int at = -i - 1;
    widenFor(v);
    int n = size();
    if (s16 != null) {
      short[] a = new short[n + 1];
      System.arraycopy(s16, 0, a, 0, at);
      a[at] = (short) v;
      System.arraycopy(s16, at, a, at + 1, n - at);
      s16 = a;
    } else if (s32 != null) {
      int[] a = new int[n + 1];
      System.arraycopy(s32, 0, a, 0, at);
      a[at] = (int) v;
      System.arraycopy(s32, at, a, at + 1, n - at);
      s32 = a;
    } else {
      long[] a = new long[n + 1];
      System.arraycopy(s64, 0, a, 0, at);
      a[at] = v;
      System.arraycopy(s64, at, a, at + 1, n - at);
      s64 = a;
    }
    return true;
  }

  private void widenFor(long v) {
    if (s16 != null && v != (short) v) {
      if (v == (int) v) {
        s32 = new int[s16.length];
        for (int k = 0; k < s16.length; k++) s32[k] = s16[k];
      } else {
        s64 = new long[s16.length];
        for (int k = 0; k < s16.length; k++) s64[k] = s16[k];
      }
      s16 = null;
    } else if (s32 != null && v != (int) v) {
      s64 = new long[s32.length];
      for (int k = 0; k < s32.length; k++) s64[k] = s32[k];
      s32 = null;
    }
  }

  /** Removes v; false when it was not a member. */
  boolean remove(long v) {
    int i = indexOf(v);
    if (i < 0) return false;
    removeAt(i);
    return true;
  }

  void removeAt(int i) {
    int n = size();
    if (s16 != null) {
      short[] a = new short[n - 1];
      System.arraycopy(s16, 0, a, 0, i);
      System.arraycopy(s16, i + 1, a, i, n - i - 1);
      s16 = a;
    } else if (s32 != null) {
      int[] a = new int[n - 1];
      System.arraycopy(s32, 0, a, 0, i);
      System.arraycopy(s32, i + 1, a, i, n - i - 1);
      s32 = a;
    } else {
      long[] a = new long[n - 1];
      System.arraycopy(s64, 0, a, 0, i);
      System.arraycopy(s64, i + 1, a, i, n - i - 1);
      s64 = a;
    }
  }
}
