package io.redline.command.list;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.list.ListValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ListValue against a plain ArrayList model: random operation sequences that cross from the
 * packed form into the deque form (and grow, wrap and shrink both), checking every element after
 * each step. The differential files cover the commands; this covers the representation's edges.
 */
class ListValueTest {
  @Test
  void randomOperationsMatchAModel() {
    int leftByCount = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      // Odd seeds use only tiny elements, so the packed form lives long and leaves it by count.
      boolean tinyOnly = seed % 2 == 1;
      ListValue list = new ListValue();
      List<byte[]> model = new ArrayList<>();
      int steps = 4000;
      int largestPacked = 0;
      if (tinyOnly) {
        // Start near the element bound so edits on long packed lists and the switch both happen.
        for (int i = 0; i < 900; i++) {
          byte[] v = element(rnd, true);
          list.push(false, v);
          model.add(v);
        }
      }
      for (int step = 0; step < steps; step++) {
        // Drift towards growth in the first half, towards shrinking in the second.
        boolean growing = step < steps / 2;
        int op = rnd.nextInt(10);
        if (growing) op = op < 6 ? 0 : op - 3; // 60% pushes, then one each of 3..6
        else op = op < 2 ? 0 : op < 6 ? 2 : op - 3; // 20% pushes, 40% pops, then 3..6
        if (model.isEmpty() || op == 0) {
          byte[] v = element(rnd, tinyOnly);
          boolean head = rnd.nextBoolean();
          list.push(head, v);
          if (head) model.add(0, v);
          else model.add(v);
        } else if (op == 2 || op == 3 && rnd.nextBoolean()) {
          boolean head = rnd.nextBoolean();
          byte[] expected = head ? model.remove(0) : model.remove(model.size() - 1);
          assertArrayEquals(expected, list.pop(head), "seed " + seed + " step " + step);
        } else if (op == 3) {
          int i = rnd.nextInt(model.size());
          byte[] v = element(rnd, tinyOnly);
          list.set(i, v);
          model.set(i, v);
        } else if (op == 4) {
          int i = rnd.nextInt(model.size() + 1);
          byte[] v = element(rnd, tinyOnly);
          list.insert(i, v);
          model.add(i, v);
        } else if (op == 5) {
          byte[] v = model.get(rnd.nextInt(model.size()));
          // LREM 0 empties whole classes of tiny values; keep it rare so lists still grow.
          long count = rnd.nextInt(40) == 0 ? 0 : (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(3));
          long removed = list.remove(v, 0, v.length, count);
          assertEquals(modelRemove(model, v, count), removed);
        } else if (rnd.nextInt(30) == 0) {
          // Mostly small trims at both ends, now and then a deep cut.
          int n = model.size();
          int cut = rnd.nextInt(4) == 0 ? n : n / 8 + 1;
          int from = rnd.nextInt(Math.min(n, cut));
          int to = Math.max(from, n - 1 - rnd.nextInt(Math.min(n, cut)));
          list.retain(from, to);
          model.subList(to + 1, model.size()).clear();
          model.subList(0, from).clear();
        }
        check(model, list, rnd, "seed " + seed + " step " + step);
        if (list.isPacked()) largestPacked = Math.max(largestPacked, list.size());
      }
      if (tinyOnly) {
        assertTrue(largestPacked >= 900, "seed " + seed);
        if (largestPacked == 1024) leftByCount++;
      }
    }
    assertTrue(leftByCount >= 5, "only " + leftByCount + " runs left the packed form by count");
  }

  @Test
  void leavesThePackedFormOnlyWhenItMustAndReportsQuicklist() {
    ListValue list = new ListValue();
    for (int i = 0; i < 1024; i++) list.push(false, "1".getBytes(StandardCharsets.US_ASCII));
    assertTrue(list.isPacked());
    list.push(true, "2".getBytes(StandardCharsets.US_ASCII));
    assertFalse(list.isPacked());
    assertEquals("quicklist", list.encoding());
    assertEquals("list", list.typeName());

    ListValue wide = new ListValue();
    wide.push(false, new byte[9000]);
    assertFalse(wide.isPacked());
    assertEquals("quicklist", wide.encoding());
  }

  @Test
  void copiesAreIndependentInBothForms() {
    for (int n : new int[] {3, 2000}) {
      ListValue list = new ListValue();
      for (int i = 0; i < n; i++) list.push(false, Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
      ListValue copy = list.copy();
      copy.set(0, "x".getBytes(StandardCharsets.US_ASCII));
      copy.push(true, "y".getBytes(StandardCharsets.US_ASCII));
      list.pop(false);
      assertArrayEquals("0".getBytes(StandardCharsets.US_ASCII), list.get(0));
      assertEquals(n - 1, list.size());
      assertEquals(n + 1, copy.size());
      assertArrayEquals("x".getBytes(StandardCharsets.US_ASCII), copy.get(1));
      assertArrayEquals(Integer.toString(n - 1).getBytes(StandardCharsets.US_ASCII), copy.get(n));
    }
  }

  @Test
  void scanWalksBothWaysAndStops() {
    ListValue list = new ListValue();
    for (String s : new String[] {"a", "bb", "ccc", "dddd"}) list.push(false, s.getBytes(StandardCharsets.US_ASCII));
    StringBuilder seen = new StringBuilder();
    list.scan(3, false, (i, b, off, len) -> {
      seen.append(i).append(new String(b, off, len, StandardCharsets.US_ASCII)).append(' ');
      return i > 1;
    });
    assertEquals("3dddd 2ccc 1bb ", seen.toString());
  }

  private static byte[] element(Random rnd, boolean tinyOnly) {
    // Mostly tiny values (packed form, one-byte lengths), some needing two- and three-byte lengths.
    int kind = tinyOnly ? 49 : rnd.nextInt(50);
    int len = kind == 0 ? 20000 + rnd.nextInt(100) : kind < 5 ? 128 + rnd.nextInt(300) : rnd.nextInt(4);
    byte[] v = new byte[len];
    for (int i = 0; i < len; i++) v[i] = (byte) ('a' + rnd.nextInt(3));
    return v;
  }

  private static long modelRemove(List<byte[]> model, byte[] v, long count) {
    long removed = 0;
    long limit = count == 0 ? Long.MAX_VALUE : Math.abs(count);
    if (count >= 0) {
      for (int i = 0; i < model.size() && removed < limit; ) {
        if (Arrays.equals(model.get(i), v)) {
          model.remove(i);
          removed++;
        } else {
          i++;
        }
      }
    } else {
      for (int i = model.size() - 1; i >= 0 && removed < limit; i--) {
        if (Arrays.equals(model.get(i), v)) {
          model.remove(i);
          removed++;
        }
      }
    }
    return removed;
  }

  private static void check(List<byte[]> model, ListValue list, Random rnd, String where) {
    assertEquals(model.size(), list.size(), where);
    if (model.isEmpty()) return;
    for (int k = 0; k < 4; k++) {
      int i = rnd.nextInt(model.size());
      assertArrayEquals(model.get(i), list.get(i), where + " index " + i);
    }
    int[] visited = {0};
    list.scan(0, true, (i, b, off, len) -> {
      assertEquals(visited[0]++, i, where);
      assertTrue(Arrays.equals(model.get(i), 0, model.get(i).length, b, off, off + len), () -> where + " forward " + i);
      return true;
    });
    assertEquals(model.size(), visited[0], where);
    list.scan(model.size() - 1, false, (i, b, off, len) -> {
      assertEquals(--visited[0], i, where);
      assertTrue(Arrays.equals(model.get(i), 0, model.get(i).length, b, off, off + len), () -> where + " reverse " + i);
      return true;
    });
    assertEquals(0, visited[0], where);
  }
}
