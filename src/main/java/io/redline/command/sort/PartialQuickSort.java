package io.redline.command.sort;

import java.util.Comparator;

/**
 * The partial sort Redis 7.0 uses for SORT ... BY pattern LIMIT: a Bentley-McIlroy quicksort
 * (median of three, ninther above 40 elements, three-way partition, insertion sort below 7)
 * that skips every partition lying wholly outside the requested window. Only the window ends up
 * sorted, and elements that compare equal land in an order peculiar to this algorithm; with
 * ALPHA and BY such ties are common (every element whose BY key is missing), so to return the
 * same elements in the same order as Redis the algorithm itself is reproduced, step for step.
 */
final class PartialQuickSort {
  private PartialQuickSort() {}

  /** Sorts {@code x} enough that positions {@code lo..hi} hold what Redis's partial sort puts there. */
  static <T> void sort(T[] x, Comparator<? super T> cmp, int lo, int hi) {
    sort(x, 0, x.length, cmp, lo, hi);
  }

  private static <T> void sort(T[] x, int base, int n, Comparator<? super T> cmp, int lo, int hi) {
    while (true) {
      if (n < 7) {
        for (int m = base + 1; m < base + n; m++) {
          for (int l = m; l > base && cmp.compare(x[l - 1], x[l]) > 0; l--) swap(x, l, l - 1);
        }
        return;
      }
      int pm = base + n / 2;
      if (n > 7) {
        int pl = base;
        int pn = base + n - 1;
        if (n > 40) {
          int d = n / 8;
          pl = med3(x, pl, pl + d, pl + 2 * d, cmp);
          pm = med3(x, pm - d, pm, pm + d, cmp);
          pn = med3(x, pn - 2 * d, pn - d, pn, cmp);
        }
        pm = med3(x, pl, pm, pn, cmp);
      }
      swap(x, base, pm); // the pivot waits at the front
      // Partition into [= pivot | < pivot | > pivot | = pivot], then move the equal runs inwards.
      int pa = base + 1, pb = pa;
      int pc = base + n - 1, pd = pc;
      while (true) {
        int r;
        while (pb <= pc && (r = cmp.compare(x[pb], x[base])) <= 0) {
          if (r == 0) swap(x, pa++, pb);
          pb++;
        }
        while (pb <= pc && (r = cmp.compare(x[pc], x[base])) >= 0) {
          if (r == 0) swap(x, pc, pd--);
          pc--;
        }
        if (pb > pc) break;
        swap(x, pb++, pc--);
      }
      int end = base + n;
      int r = Math.min(pa - base, pb - pa);
      swapRuns(x, base, pb - r, r);
      r = Math.min(pd - pc, end - pd - 1);
      swapRuns(x, pb, end - r, r);
      // The smaller-than part recurses, the greater-than part loops; each only if it meets the window.
      r = pb - pa;
      if (r > 1 && meets(base, base + r - 1, lo, hi)) sort(x, base, r, cmp, lo, hi);
      r = pd - pc;
      if (r <= 1) return;
      base = end - r;
      n = r;
      if (!meets(base, base + r - 1, lo, hi)) return;
    }
  }

  private static boolean meets(int from, int to, int lo, int hi) {
    return !(hi < from || lo > to);
  }

  private static <T> int med3(T[] x, int a, int b, int c, Comparator<? super T> cmp) {
    if (cmp.compare(x[a], x[b]) < 0) {
      return cmp.compare(x[b], x[c]) < 0 ? b : (cmp.compare(x[a], x[c]) < 0 ? c : a);
    }
    return cmp.compare(x[b], x[c]) > 0 ? b : (cmp.compare(x[a], x[c]) < 0 ? a : c);
  }

  private static void swap(Object[] x, int i, int j) {
    Object t = x[i];
    x[i] = x[j];
    x[j] = t;
  }

  /** Swaps the runs x[i..i+n) and x[j..j+n) element by element. */
  private static void swapRuns(Object[] x, int i, int j, int n) {
    for (int k = 0; k < n; k++) swap(x, i + k, j + k);
  }
}
