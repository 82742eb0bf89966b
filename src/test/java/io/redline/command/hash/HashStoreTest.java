package io.redline.command.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.hash.FieldTable;
import io.redline.store.hash.HashValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hash value and its table, in-process: listpack order and updates, the one-way conversions
 * at Redis's thresholds, independent copies, and the hashtable scan guarantee across resizes.
 */
class HashStoreTest {
  private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  private static List<String> fields(HashValue h) {
    List<String> out = new ArrayList<>();
    h.forEach((f, v) -> out.add(new String(f, StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void listpackKeepsInsertionOrderThroughUpdatesAndDeletes() {
    HashValue h = new HashValue();
    assertTrue(h.set(b("a"), b("1"), 512, 64));
    assertTrue(h.set(b("b"), b("2"), 512, 64));
    assertTrue(h.set(b("c"), b("3"), 512, 64));
    assertFalse(h.set(b("a"), b("x"), 512, 64));
    assertEquals(List.of("a", "b", "c"), fields(h));
    assertTrue(h.remove(b("b"), 0, 1));
    assertFalse(h.remove(b("b"), 0, 1));
    assertEquals(List.of("a", "c"), fields(h));
    assertArrayEquals(b("x"), h.get(b("a"), 0, 1));
    assertEquals("listpack", h.encoding());
  }

  @Test
  void convertsOnceAtTheThresholdsAndNeverBack() {
    HashValue h = new HashValue();
    for (int i = 0; i < 4; i++) h.set(b("f" + i), b("v"), 4, 64);
    assertEquals("listpack", h.encoding());
    h.set(b("f4"), b("v"), 4, 64);
    assertEquals("hashtable", h.encoding());
    for (int i = 0; i < 5; i++) h.remove(b("f" + i), 0, 2);
    assertEquals(0, h.size());
    assertEquals("hashtable", h.encoding());

    HashValue v = new HashValue();
    v.set(b("f"), new byte[64], 512, 64);
    assertEquals("listpack", v.encoding());
    v.set(b("g"), new byte[65], 512, 64);
    assertEquals("hashtable", v.encoding());
    assertEquals(65, v.get(b("g"), 0, 1).length);

    // An update of a listpack already over a lowered limit converts it, as in Redis.
    HashValue u = new HashValue();
    for (int i = 0; i < 3; i++) u.set(b("f" + i), b("v"), 512, 64);
    u.set(b("f0"), b("w"), 2, 64);
    assertEquals("hashtable", u.encoding());
  }

  @Test
  void copiesAreIndependent() {
    for (int limit : new int[] {512, 0}) {
      HashValue h = new HashValue();
      h.set(b("a"), b("1"), limit, 64);
      HashValue c = h.copy();
      c.set(b("b"), b("2"), limit, 64);
      h.remove(b("a"), 0, 1);
      assertEquals(0, h.size());
      assertEquals(2, c.size());
      assertEquals(h.encoding(), c.encoding());
    }
  }

  @Test
  void scanReturnsEveryStableKeyWhileTheTableGrowsAndShrinks() {
    FieldTable t = new FieldTable(true, 0);
    Set<String> stable = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      t.put(b("s" + i), b("v"));
      stable.add("s" + i);
    }
    Set<String> seen = new HashSet<>();
    long cursor = 0;
    int step = 0;
    do {
      cursor = t.scanStep(cursor, n -> seen.add(new String(n.key(), StandardCharsets.UTF_8)));
      step++;
      // churn between steps: first grow the table a lot, then shrink it below its start
      if (step < 200) {
        for (int k = 0; k < 40; k++) t.put(b("tmp" + step + "_" + k), b("v"));
      } else if (step == 200) {
        for (int s = 1; s < 200; s++) for (int k = 0; k < 40; k++) t.remove(b("tmp" + s + "_" + k), 0, ("tmp" + s + "_" + k).length());
        for (int i = 500; i < 1000; i++) t.remove(b("s" + i), 0, ("s" + i).length());
        for (int i = 500; i < 1000; i++) stable.remove("s" + i);
      }
    } while (cursor != 0);
    assertTrue(seen.containsAll(stable), "missing " + (stable.size() - stable.stream().filter(seen::contains).count()));
  }

  @Test
  void tableBasicsAndRandomPicks() {
    FieldTable t = new FieldTable(false, 0);
    assertNull(t.random());
    for (int i = 0; i < 100; i++) assertTrue(t.add(b("m" + i)));
    assertFalse(t.add(b("m5")));
    assertNull(t.get(b("m5"), 0, 2));
    assertTrue(t.contains(b("m5"), 0, 2));
    Set<String> picked = new HashSet<>();
    for (int i = 0; i < 5000; i++) picked.add(new String(t.random().key(), StandardCharsets.UTF_8));
    assertEquals(100, picked.size(), "random picks reach every member");
    for (int i = 0; i < 100; i++) assertTrue(t.remove(b("m" + i), 0, ("m" + i).length()));
    assertEquals(0, t.size());
  }
}
