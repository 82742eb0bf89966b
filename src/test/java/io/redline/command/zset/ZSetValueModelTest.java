package io.redline.command.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.zset.LexRange;
import io.redline.store.zset.ScoreRange;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random operations on {@link ZSetValue} checked against a plain sorted-list model after every
 * step: ranks, scores, rank/score/lex ranges with offsets and limits, counts, removals and pops,
 * across the compact encoding, the conversion and the skip list (whose span bookkeeping this
 * is mostly here to catch).
 */
class ZSetValueModelTest {
  private static final double[] SCORES = {-1, 0, 1, 2, 2.5, 3, 7, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  private record El(byte[] member, double score) {}

  private static List<El> sorted(Map<String, Double> model) {
    List<El> l = new ArrayList<>();
    model.forEach((m, s) -> l.add(new El(m.getBytes(StandardCharsets.ISO_8859_1), s)));
    l.sort((a, b) -> a.score < b.score ? -1 : a.score > b.score ? 1 : Arrays.compareUnsigned(a.member, b.member));
    return l;
  }

  private static byte[] b(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

  private static void assertSame(List<El> expected, ScoredList actual, String what) {
    assertEquals(expected.size(), actual.size(), what + " size");
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(Arrays.equals(expected.get(i).member, actual.member(i)), what + " member " + i);
      assertEquals(expected.get(i).score, actual.score(i), what + " score " + i);
    }
  }

  @Test
  void randomOperationsMatchTheModel() {
    for (long seed = 1; seed <= 30; seed++) run(seed, seed % 3 == 0 ? 0 : 16);
  }

  private void run(long seed, long maxEntries) {
    Random r = new Random(seed);
    ZSetLimits limits = new ZSetLimits(maxEntries, 64);
    ZSetValue z = ZSetValue.forAdd(1, limits);
    Map<String, Double> model = new HashMap<>();
    double[] out = new double[1];
    for (int step = 0; step < 1500; step++) {
      int op = r.nextInt(100);
      String m = "m" + r.nextInt(60);
      if (op < 55) {
        double s = SCORES[r.nextInt(SCORES.length)];
        z.add(b(m), 0, m.length(), s, 0, out, limits);
        model.put(m, s);
      } else if (op < 75) {
        assertEquals(model.remove(m) != null, z.remove(b(m), 0, m.length()));
      } else if (op < 80) {
        List<El> l = sorted(model);
        long start = r.nextInt(20) - 10, end = r.nextInt(40) - 10;
        long removed = ZSetRanges.removeByRank(z, start, end);
        List<El> gone = rankSlice(l, start, end);
        assertEquals(gone.size(), removed);
        for (El e : gone) model.remove(new String(e.member, StandardCharsets.ISO_8859_1));
      } else if (op < 85) {
        ScoreRange sr = randomRange(r);
        long removed = ZSetRanges.remove(z, sr);
        long expected = 0;
        for (El e : sorted(model)) {
          if (sr.aboveMin(e.score) && sr.belowMax(e.score)) {
            model.remove(new String(e.member, StandardCharsets.ISO_8859_1));
            expected++;
          }
        }
        assertEquals(expected, removed);
      } else if (op < 90) {
        boolean max = r.nextBoolean();
        int count = r.nextInt(4);
        List<El> l = sorted(model);
        ScoredList popped = new ScoredList();
        ZSetRanges.pop(z, max, count, popped);
        List<El> expected = new ArrayList<>();
        for (int i = 0; i < Math.min(count, l.size()); i++) expected.add(l.get(max ? l.size() - 1 - i : i));
        assertSame(expected, popped, "pop");
        for (El e : expected) model.remove(new String(e.member, StandardCharsets.ISO_8859_1));
      }
      check(z, model, r);
      if (maxEntries > 0 && model.size() > maxEntries) assertEquals("skiplist", z.encoding());
    }
  }

  private static ScoreRange randomRange(Random r) {
    double a = SCORES[r.nextInt(SCORES.length)], c = SCORES[r.nextInt(SCORES.length)];
    return new ScoreRange(Math.min(a, c), r.nextBoolean(), Math.max(a, c), r.nextBoolean());
  }

  private static List<El> rankSlice(List<El> l, long start, long end) {
    long n = l.size();
    if (start < 0) start += n;
    if (end < 0) end += n;
    if (start < 0) start = 0;
    if (start > end || start >= n) return List.of();
    if (end >= n) end = n - 1;
    return new ArrayList<>(l.subList((int) start, (int) end + 1));
  }

  private static void check(ZSetValue z, Map<String, Double> model, Random r) {
    List<El> l = sorted(model);
    assertEquals(l.size(), z.size());
    for (int i = 0; i < l.size(); i++) {
      El e = l.get(i);
      assertEquals(i, z.rank(e.member, 0, e.member.length));
      assertEquals(e.score, z.score(e.member));
    }
    assertEquals(-1, z.rank(b("absent"), 0, 6));

    long start = r.nextInt(30) - 15, end = r.nextInt(30) - 15;
    ScoredList got = new ScoredList();
    ZSetRanges.byRank(z, start, end, false, got);
    assertSame(rankSlice(l, start, end), got, "byRank");
    got = new ScoredList();
    ZSetRanges.byRank(z, start, end, true, got);
    List<El> rev = new ArrayList<>(l);
    java.util.Collections.reverse(rev);
    assertSame(rankSlice(rev, start, end), got, "byRank reversed");

    ScoreRange sr = randomRange(r);
    boolean reverse = r.nextBoolean();
    long offset = r.nextInt(6) - 1, limit = r.nextInt(6) - 1;
    List<El> in = new ArrayList<>();
    for (El e : reverse ? rev : l) if (sr.aboveMin(e.score) && sr.belowMax(e.score)) in.add(e);
    assertEquals(in.size(), ZSetRanges.count(z, sr), "count");
    List<El> expected = new ArrayList<>();
    if (offset >= 0) {
      for (int i = (int) offset; i < in.size() && (limit < 0 || expected.size() < limit); i++) expected.add(in.get(i));
    }
    got = new ScoredList();
    ZSetRanges.byScore(z, sr, reverse, offset, limit, got);
    assertSame(expected, got, "byScore " + sr + " rev=" + reverse + " offset=" + offset + " limit=" + limit);
  }

  @Test
  void lexRangesWithOneScore() {
    for (long maxEntries : new long[] {0, 128}) {
      ZSetLimits limits = new ZSetLimits(maxEntries, 64);
      ZSetValue z = ZSetValue.forAdd(1, limits);
      Random r = new Random(maxEntries);
      Set<String> members = new HashSet<>();
      double[] out = new double[1];
      for (int i = 0; i < 100; i++) {
        String m = Integer.toString(r.nextInt(1000), 36);
        members.add(m);
        z.add(b(m), 0, m.length(), 0, 0, out, limits);
      }
      List<String> all = new ArrayList<>(members);
      all.sort((x, y) -> Arrays.compareUnsigned(b(x), b(y)));
      for (int t = 0; t < 300; t++) {
        String lo = Integer.toString(r.nextInt(1000), 36), hi = Integer.toString(r.nextInt(1000), 36);
        String min = (r.nextBoolean() ? "[" : "(") + lo, max = (r.nextBoolean() ? "[" : "(") + hi;
        if (r.nextInt(10) == 0) min = "-";
        if (r.nextInt(10) == 0) max = "+";
        LexRange range = LexRange.parse(b(min), 0, min.length(), b(max), 0, max.length());
        List<String> expected = new ArrayList<>();
        for (String m : all) if (range.aboveMin(b(m)) && range.belowMax(b(m))) expected.add(m);
        assertEquals(expected.size(), ZSetRanges.count(z, range), min + " " + max);
        ScoredList got = new ScoredList();
        ZSetRanges.byLex(z, range, false, 0, -1, got);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) assertEquals(expected.get(i), new String(got.member(i), StandardCharsets.ISO_8859_1));
      }
    }
  }
}
