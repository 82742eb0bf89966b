package io.redline.modules.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.protocol.Args;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The packed stream against a plain sorted map of entries: random appends (repeated and changing
 * field names, binary values, huge IDs), deletions, exact trims and range reads, forwards and
 * backwards, with small nodes so entries cross block boundaries often.
 */
class StreamValueModelTest {
  @Test
  void packedBlocksBehaveLikeASortedMap() {
    Random rnd = new Random(7);
    for (int round = 0; round < 20; round++) {
      StreamValue s = new StreamValue();
      TreeMap<StreamId, List<String>> model = new TreeMap<>();
      long ms = round == 0 ? -1000L : rnd.nextInt(1000); // round 0: IDs above 2^63
      long seq = 0;
      for (int step = 0; step < 600; step++) {
        int op = rnd.nextInt(10);
        if (op < 6 || model.isEmpty()) {
          if (rnd.nextBoolean()) ms += rnd.nextInt(3);
          seq = rnd.nextInt(4) == 0 ? -rnd.nextInt(5) - 1 : seq + 1; // sequences near 2^64 too
          StreamId id = new StreamId(ms, seq);
          if (id.compareTo(s.lastId()) <= 0) id = s.lastId().next();
          List<String> pairs = randomPairs(rnd);
          Args a = Args.of(pairs.toArray(new String[0]));
          long bytes = 0;
          for (String p : pairs) bytes += p.getBytes(StandardCharsets.UTF_8).length;
          s.append(id, a, 0, pairs.size() / 2, bytes, 200, 5);
          model.put(id, pairs);
          ms = id.ms();
          seq = id.seq();
        } else if (op < 8) {
          StreamId victim = pick(rnd, model);
          assertEquals(true, s.delete(victim));
          assertEquals(false, s.delete(victim));
          model.remove(victim);
        } else if (op < 9) {
          long keep = rnd.nextInt(model.size() + 1);
          long removed = s.trim(true, keep, null, false, 0);
          assertEquals(Math.max(0, model.size() - keep), removed);
          while (model.size() > keep) model.pollFirstEntry();
        } else {
          StreamId a = pick(rnd, model), b = pick(rnd, model);
          if (a.compareTo(b) > 0) { StreamId t = a; a = b; b = t; }
          assertRange(s, model.subMap(a, true, b, true), a, b);
        }
        assertEquals(model.size(), s.length());
      }
      assertRange(s, model, StreamId.MIN, StreamId.MAX);
      StreamValue copy = s.copy();
      assertRange(copy, model, StreamId.MIN, StreamId.MAX);
      if (!model.isEmpty()) {
        assertEquals(model.firstKey(), s.firstId());
        assertEquals(model.lastKey(), s.lastValidId());
        copy.delete(model.firstKey());
        assertRange(s, model, StreamId.MIN, StreamId.MAX); // the copy is independent
      } else {
        assertNull(s.lastValidId());
      }
    }
  }

  @Test
  void radixTreeNodeCounts() {
    // Shapes checked against Redis 7.0 (XINFO STREAM radix-tree-nodes).
    assertEquals(1, RadixTreeShape.nodes(List.of()));
    assertEquals(2, RadixTreeShape.nodes(List.of(new StreamId(1, 1))));
    // Two keys parting at the last byte: a compressed prefix, a branch, two leaves.
    assertEquals(4, RadixTreeShape.nodes(List.of(new StreamId(1, 1), new StreamId(1, 2))));
    // Parting at the first byte: the root branches, each child is a compressed run plus its leaf.
    assertEquals(5, RadixTreeShape.nodes(List.of(new StreamId(1, 1), new StreamId(1L << 56, 1))));
  }

  private static void assertRange(StreamValue s, Map<StreamId, List<String>> expected, StreamId from, StreamId to) {
    for (boolean reverse : new boolean[] {false, true}) {
      List<StreamId> want = new ArrayList<>(expected.keySet());
      if (reverse) java.util.Collections.reverse(want);
      StreamCursor c = s.cursor(from, to, reverse);
      List<StreamId> got = new ArrayList<>();
      while (c.next()) {
        EntryView v = c.entry();
        got.add(v.id());
        List<String> pairs = expected.get(v.id());
        assertEquals(pairs.size() / 2, v.pairs());
        for (int i = 0; i < v.pairs(); i++) {
          assertEquals(pairs.get(2 * i), new String(v.data, v.fieldOff[i], v.fieldLen[i], StandardCharsets.UTF_8));
          assertEquals(pairs.get(2 * i + 1), new String(v.data, v.valueOff[i], v.valueLen[i], StandardCharsets.UTF_8));
        }
      }
      assertEquals(want, got);
    }
    assertTrue(s.length() >= expected.size());
  }

  private static StreamId pick(Random rnd, TreeMap<StreamId, List<String>> model) {
    List<StreamId> ids = new ArrayList<>(model.keySet());
    return ids.get(rnd.nextInt(ids.size()));
  }

  private static List<String> randomPairs(Random rnd) {
    List<String> p = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    boolean usual = rnd.nextInt(3) > 0; // mostly the same names, so entries share the master's
    for (int i = 0; i < n; i++) {
      p.add(usual ? "f" + i : "g" + rnd.nextInt(100));
      p.add(rnd.nextInt(4) == 0 ? String.valueOf(rnd.nextLong()) : "v".repeat(rnd.nextInt(40)) + "\u00e9");
    }
    return p;
  }
}
