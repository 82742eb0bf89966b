package io.redline.modules.streams.store;

import java.util.Collection;

/**
 * How many nodes Redis's radix tree ("rax") would have for a set of keys: XINFO STREAM reports
 * it as radix-tree-nodes. A stream's rax is keyed by each node's first ID as 16 big-endian
 * bytes. Redis keeps its rax fully compressed (insertions split compressed nodes only where keys
 * part, deletions merge single-child chains back), so the count depends only on the key set:
 * one node per compressed chain, one per branching point, one per key end, plus the root.
 */
final class RadixTreeShape {
  private RadixTreeShape() {}

  static long nodes(Collection<StreamId> sortedIds) {
    int n = sortedIds.size();
    if (n == 0) return 1; // just the empty root
    byte[][] keys = new byte[n][];
    int i = 0;
    for (StreamId id : sortedIds) keys[i++] = encode(id);
    return nodesFrom(keys, 0, n, 0);
  }

  /** Nodes for keys[lo..hi) (sorted, sharing their first {@code depth} bytes), from the node at that depth. */
  private static long nodesFrom(byte[][] keys, int lo, int hi, int depth) {
    if (depth == 16) return 1; // the key's own (leaf) node
    int common = commonPrefix(keys[lo], keys[hi - 1], depth);
    if (common > depth) {
      // One child only: a compressed node spanning to where keys part (or end).
      return 1 + (common == 16 ? 1 : branch(keys, lo, hi, common));
    }
    return branch(keys, lo, hi, depth);
  }

  /** A node whose children are the distinct bytes at {@code depth}. */
  private static long branch(byte[][] keys, int lo, int hi, int depth) {
    long count = 1;
    int start = lo;
    for (int k = lo + 1; k <= hi; k++) {
      if (k == hi || keys[k][depth] != keys[start][depth]) {
        count += nodesFrom(keys, start, k, depth + 1);
        start = k;
      }
    }
    return count;
  }

  private static int commonPrefix(byte[] a, byte[] b, int from) {
    int i = from;
    while (i < 16 && a[i] == b[i]) i++;
    return i;
  }

  private static byte[] encode(StreamId id) {
    byte[] k = new byte[16];
    for (int i = 0; i < 8; i++) {
      k[i] = (byte) (id.ms() >>> (56 - 8 * i));
      k[8 + i] = (byte) (id.seq() >>> (56 - 8 * i));
    }
    return k;
  }
}
