package io.redline.store.hash;

import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Distinct random samples for HRANDFIELD and SRANDMEMBER with a positive count smaller than the
 * collection. Like Redis, two strategies by how much of the collection is wanted: a large share
 * is a partial shuffle of everything, a small one is repeated random picks with duplicates
 * thrown back, which never walks the whole collection.
 */
public final class RandomPicks {
  private RandomPicks() {}

  /**
   * The most elements a repeating pick (a negative count) may reply. Redis has no limit and, for
   * a count like -2^62, builds its reply until memory runs out; here such counts are refused with
   * "value is out of range": at this size the reply would near a reply buffer's 2 GiB limit.
   */
  public static final long MAX_REPEATED = 1L << 28;

  /** {@code count} distinct indexes in [0, size), in random order; requires count <= size. */
  public static int[] distinctIndexes(int size, int count) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int[] out = new int[count];
    if ((long) count * 3 > size) {
      int[] all = new int[size];
      for (int i = 0; i < size; i++) all[i] = i;
      shuffleFirst(all, count, r);
      System.arraycopy(all, 0, out, 0, count);
      return out;
    }
    BitSet taken = new BitSet(size);
    for (int n = 0; n < count; ) {
      int i = r.nextInt(size);
      if (taken.get(i)) continue;
      taken.set(i);
      out[n++] = i;
    }
    return out;
  }

  /** {@code count} distinct nodes of the table, in random order; requires count <= size. */
  public static FieldTable.Node[] distinctNodes(FieldTable t, int count) {
    FieldTable.Node[] out = new FieldTable.Node[count];
    if ((long) count * 3 > t.size()) {
      FieldTable.Node[] all = t.toArray();
      shuffleFirst(all, count, ThreadLocalRandom.current());
      System.arraycopy(all, 0, out, 0, count);
      return out;
    }
    Set<FieldTable.Node> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int n = 0; n < count; ) {
      FieldTable.Node node = t.random();
      if (taken.add(node)) out[n++] = node;
    }
    return out;
  }

  /** Fisher-Yates over the first {@code count} slots only. */
  private static void shuffleFirst(int[] a, int count, ThreadLocalRandom r) {
    for (int i = 0; i < count; i++) {
      int j = i + r.nextInt(a.length - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static <T> void shuffleFirst(T[] a, int count, ThreadLocalRandom r) {
    for (int i = 0; i < count; i++) {
      int j = i + r.nextInt(a.length - i);
      T t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
