package io.redline.store.zset;

import io.redline.store.Dict;
import java.util.function.Consumer;

/**
 * The member → node index of the skip-list encoding: chained buckets, power-of-two size, nodes
 * linked through {@link SkipList.Node#hashNext}, looked up straight from a request-buffer slice.
 *
 * <p>ZSCAN walks it with Redis's reverse-binary cursor (the bucket index with its bits reversed,
 * incremented, reversed back). Because buckets split and merge along the high bits, that order
 * survives growing and shrinking the table: every member present for the whole scan is returned
 * at least once, some perhaps twice, which is SCAN's contract.
 */
final class MemberTable {
  private static final int MIN_SIZE = 4;

  private SkipList.Node[] table = new SkipList.Node[MIN_SIZE];
  private int size;

  int size() { return size; }

  static int hash(byte[] b, int off, int len) { return Dict.hash(b, off, len); }

  SkipList.Node get(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    for (SkipList.Node n = table[h & (table.length - 1)]; n != null; n = n.hashNext) {
      if (n.hash == h && ZOrder.sameMember(n.member, b, off, len)) return n;
    }
    return null;
  }

  /** Adds a node whose member is absent. */
  void add(SkipList.Node n) {
    if (size >= table.length) resize(table.length * 2);
    int i = n.hash & (table.length - 1);
    n.hashNext = table[i];
    table[i] = n;
    size++;
  }

  void remove(SkipList.Node n) {
    int i = n.hash & (table.length - 1);
    SkipList.Node prev = null;
    for (SkipList.Node x = table[i]; x != null; prev = x, x = x.hashNext) {
      if (x != n) continue;
      if (prev == null) table[i] = x.hashNext;
      else prev.hashNext = x.hashNext;
      x.hashNext = null;
      size--;
      // Shrink below 10% fill, as Redis does after deletions.
      if (table.length > MIN_SIZE && size * 10L < table.length) {
        resize(Math.max(MIN_SIZE, Integer.highestOneBit(Math.max(size, 1)) << 1));
      }
      return;
    }
  }

  private void resize(int n) {
    SkipList.Node[] old = table;
    table = new SkipList.Node[n];
    for (SkipList.Node head : old) {
      for (SkipList.Node x = head; x != null; ) {
        SkipList.Node next = x.hashNext;
        int i = x.hash & (n - 1);
        x.hashNext = table[i];
        table[i] = x;
        x = next;
      }
    }
  }

  /** Visits one bucket and returns the next cursor (0 when the walk is complete). */
  long scanStep(long cursor, Consumer<SkipList.Node> visitor) {
    if (size == 0) return 0;
    long mask = table.length - 1;
    for (SkipList.Node n = table[(int) (cursor & mask)]; n != null; n = n.hashNext) visitor.accept(n);
    long v = cursor | ~mask;
    v = Long.reverse(v);
    v++;
    return Long.reverse(v);
  }
}
