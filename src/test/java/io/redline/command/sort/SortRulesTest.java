package io.redline.command.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.command.IntList;
import io.redline.protocol.Args;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SORT's building blocks in-process: strtod-style numeric keys, C-string ALPHA comparison, the
 * partial quicksort (its window must hold what a full sort puts there) and the STORE key scan.
 * Tie orders of the partial sort are checked against redis-server by the differential files.
 */
class SortRulesTest {
  private static byte[] b(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

  private static boolean fails(String s) { return Double.isNaN(SortScore.of(b(s))); }

  @Test
  void numericKeysFollowStrtod() {
    assertEquals(5, SortScore.of(b(" 5")));
    assertEquals(7, SortScore.of(b("\t\n\u000b\f\r7")));
    assertEquals(3, SortScore.of(b("+3")));
    assertEquals(16, SortScore.of(b("0x10")));
    assertEquals(3, SortScore.of(b("0x1.8p1")));
    assertEquals(0.5, SortScore.of(b(".5")));
    assertEquals(5, SortScore.of(b("5.")));
    assertEquals(Double.POSITIVE_INFINITY, SortScore.of(b("inf")));
    assertEquals(Double.NEGATIVE_INFINITY, SortScore.of(b("-Infinity")));
    assertEquals(0, SortScore.of(b("")));
    assertEquals(0, SortScore.of(b("\u0000x")));
    assertEquals(4, SortScore.of(b("4\u0000junk")));
    assertEquals(Double.MIN_VALUE, SortScore.of(b("0x1p-1074"))); // exact subnormal: no ERANGE
    assertEquals(Double.MIN_NORMAL, SortScore.of(b("0x1.fffffffffffff8p-1023"))); // rounds up, not tiny
    for (String bad : new String[] {" ", "5 ", "1x", "nan", "-nan", "1e", "0x", "0x1p", "infinit", "1_0",
        "\u00011", "1e400", "-1e400", "1e-400", "1e-310", "4.9406564584124654e-324", "0x1.8p-1074",
        "0x1.fffffffffffffp-1023", "2.2250738585072011e-308", "1.7976931348623159e308"}) {
      assertTrue(fails(bad), bad);
    }
  }

  @Test
  void alphaComparesLikeStrcmp() {
    assertEquals(0, Sort.compareCStrings(b("a\u0000b"), b("a\u0000c")));
    assertEquals(0, Sort.compareCStrings(b("a"), b("a\u0000")));
    assertTrue(Sort.compareCStrings(b("a"), b("ab")) < 0);
    assertTrue(Sort.compareCStrings(b("\u00ff"), b("a")) > 0); // unsigned bytes
    assertTrue(Sort.compareCStrings(b(""), b("\u0001")) < 0);
  }

  @Test
  void partialSortWindowMatchesAFullSort() {
    Random r = new Random(7);
    Comparator<Integer> order = Comparator.naturalOrder();
    for (int round = 0; round < 2000; round++) {
      int n = r.nextInt(120);
      Integer[] x = new Integer[n];
      for (int i = 0; i < n; i++) x[i] = r.nextInt(Math.max(1, n / 2)); // with duplicates
      Integer[] full = x.clone();
      Arrays.sort(full);
      int lo = n == 0 ? 0 : r.nextInt(n);
      int hi = n == 0 ? -1 : lo + r.nextInt(n - lo);
      PartialQuickSort.sort(x, order, lo, hi);
      for (int i = lo; i <= hi; i++) assertEquals(full[i], x[i], "n=" + n + " window " + lo + ".." + hi);
      Integer[] all = x.clone();
      Arrays.sort(all);
      assertArrayEquals(full, all); // a permutation: nothing lost or duplicated
    }
  }

  private static int[] keys(String... args) {
    IntList out = new IntList();
    SortKeys.find(Args.of(args), out);
    int[] k = new int[out.size()];
    for (int i = 0; i < k.length; i++) k[i] = out.get(i);
    return k;
  }

  @Test
  void storeKeyIsTheLastStoreOutsideOptionArguments() {
    assertArrayEquals(new int[] {1}, keys("SORT", "l"));
    assertArrayEquals(new int[] {1, 3}, keys("SORT", "l", "STORE", "d"));
    assertArrayEquals(new int[] {1, 5}, keys("SORT", "l", "store", "a", "STORE", "b"));
    assertArrayEquals(new int[] {1}, keys("SORT", "l", "GET", "store", "BY", "store"));
    assertArrayEquals(new int[] {1}, keys("SORT", "l", "LIMIT", "store", "x", "STORE"));
    assertArrayEquals(new int[] {1, 3}, keys("SORT", "l", "STORE", "limit", "1", "2"));
  }
}
