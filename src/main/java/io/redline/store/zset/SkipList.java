package io.redline.store.zset;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A skip list in (score, member) order whose links carry spans (how many elements each one
 * skips), so rank lookups, rank ranges and score/lex searches are all O(log n). Each level is
 * kept with probability 1/4, as in Redis. Nodes also carry the hash chain link of
 * {@link MemberTable}, which indexes the same nodes by member.
 *
 * <p>Layout: the level-0 link is a field and its span is always 1, so the three nodes in four
 * that have only level 0 carry no arrays at all (48 bytes plus the member); higher levels live
 * in two small arrays. Smaller nodes mean fewer cache misses on the pointer chase, which is
 * what a large set's descent costs.
 */
final class SkipList {
  /** 16 levels at p = 1/4 stay efficient up to 4^16 elements, more than an array can index. */
  static final int MAX_LEVEL = 16;

  /** One element. The member table shares the node, so a member is stored once. */
  static final class Node {
    final byte[] member;
    final int hash;
    double score;
    Node backward;
    /** Level 0's forward link. */
    Node next;
    /** Forward links and spans of levels 1 and up; null for a node of level 1. */
    Node[] up;
    int[] upSpan;
    Node hashNext;

    Node(byte[] member, int hash, double score) {
      this.member = member;
      this.hash = hash;
      this.score = score;
    }

    void levels(int n) {
      up = n > 1 ? new Node[n - 1] : null;
      upSpan = n > 1 ? new int[n - 1] : null;
    }

    Node forward(int i) { return i == 0 ? next : up[i - 1]; }

    void forward(int i, Node n) {
      if (i == 0) next = n;
      else up[i - 1] = n;
    }

    int span(int i) { return i == 0 ? 1 : upSpan[i - 1]; }

    void span(int i, int s) {
      if (i > 0) upSpan[i - 1] = s; // level 0 always spans 1
    }
  }

  private final Node header = new Node(null, 0, 0);
  private Node tail;
  private int length;
  private int level = 1;

  SkipList() {
    header.levels(MAX_LEVEL);
  }

  int length() { return length; }
  Node first() { return header.next; }
  Node last() { return tail; }

  private static int randomLevel() {
    // Each pair of low zero bits is one more level: probability 1/4 per level.
    int r = ThreadLocalRandom.current().nextInt() | 0x8000_0000;
    return Math.min(1 + Integer.numberOfTrailingZeros(r) / 2, MAX_LEVEL);
  }

  /** Whether node x sorts before (score, member). */
  private static boolean before(Node x, double score, byte[] member) {
    return x.score < score || (x.score == score && java.util.Arrays.compareUnsigned(x.member, member) < 0);
  }

  /** Links a node whose member is not in the list yet. */
  void insert(Node n) {
    Node[] update = new Node[MAX_LEVEL];
    int[] rank = new int[MAX_LEVEL];
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      rank[i] = i == level - 1 ? 0 : rank[i + 1];
      for (Node f; (f = x.forward(i)) != null && before(f, n.score, n.member); x = f) rank[i] += x.span(i);
      update[i] = x;
    }
    int lvl = randomLevel();
    if (lvl > level) {
      for (int i = level; i < lvl; i++) {
        rank[i] = 0;
        update[i] = header;
        header.span(i, length);
      }
      level = lvl;
    }
    n.levels(lvl);
    for (int i = 0; i < lvl; i++) {
      n.forward(i, update[i].forward(i));
      update[i].forward(i, n);
      n.span(i, update[i].span(i) - (rank[0] - rank[i]));
      update[i].span(i, rank[0] - rank[i] + 1);
    }
    for (int i = lvl; i < level; i++) update[i].span(i, update[i].span(i) + 1);
    n.backward = update[0] == header ? null : update[0];
    if (n.next != null) n.next.backward = n;
    else tail = n;
    length++;
  }

  /** The last node on each level that sorts before {@code n}. */
  private Node[] pathTo(Node n) {
    Node[] update = new Node[MAX_LEVEL];
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && before(f, n.score, n.member); ) x = f;
      update[i] = x;
    }
    return update;
  }

  private void unlink(Node x, Node[] update) {
    for (int i = 0; i < level; i++) {
      if (update[i].forward(i) == x) {
        update[i].span(i, update[i].span(i) + x.span(i) - 1);
        update[i].forward(i, x.forward(i));
      } else {
        update[i].span(i, update[i].span(i) - 1);
      }
    }
    if (x.next != null) x.next.backward = x.backward;
    else tail = x.backward;
    while (level > 1 && header.forward(level - 1) == null) level--;
    length--;
  }

  /** Unlinks a node that is in the list. */
  void delete(Node n) {
    unlink(n, pathTo(n));
  }

  /** Changes a linked node's score, moving it only if its neighbours would no longer fit. */
  void updateScore(Node n, double score) {
    if ((n.backward == null || n.backward.score < score) && (n.next == null || n.next.score > score)) {
      n.score = score;
      return;
    }
    delete(n);
    n.score = score;
    insert(n);
  }

  /** 1-based rank of a linked node. */
  int rank(Node n) {
    Node x = header;
    int rank = 0;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && (f == n || before(f, n.score, n.member)); x = f) rank += x.span(i);
      if (x == n) return rank;
    }
    throw new IllegalStateException("node is not in the list");
  }

  /** The node at a 1-based rank, or null when out of range. */
  Node byRank(long rank) {
    Node x = header;
    long traversed = 0;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && traversed + x.span(i) <= rank; x = f) traversed += x.span(i);
      if (traversed == rank) return x == header ? null : x;
    }
    return null;
  }

  /** Unlinks the nodes at 1-based ranks [start, end], handing each to {@code removed}. */
  void deleteRange(int start, int end, Consumer<Node> removed) {
    Node[] update = new Node[MAX_LEVEL];
    Node x = header;
    int traversed = 0;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && traversed + x.span(i) < start; x = f) traversed += x.span(i);
      update[i] = x;
    }
    x = x.next;
    for (traversed++; x != null && traversed <= end; traversed++) {
      Node next = x.next;
      unlink(x, update);
      removed.accept(x);
      x = next;
    }
  }

  /** First node whose score is inside the range (see {@link ScoredMembers#firstInRange(ScoreRange)}). */
  Node firstInRange(ScoreRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && !r.aboveMin(f.score); ) x = f;
    }
    x = x.next;
    return x != null && r.belowMax(x.score) ? x : null;
  }

  Node lastInRange(ScoreRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && r.belowMax(f.score); ) x = f;
    }
    return x != header && r.aboveMin(x.score) ? x : null;
  }

  Node firstInRange(LexRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && !r.aboveMin(f.member); ) x = f;
    }
    x = x.next;
    return x != null && r.belowMax(x.member) ? x : null;
  }

  Node lastInRange(LexRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      for (Node f; (f = x.forward(i)) != null && r.belowMax(f.member); ) x = f;
    }
    return x != header && r.aboveMin(x.member) ? x : null;
  }
}
