package io.redline.store.zset;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A skip list in (score, member) order whose links carry spans (how many elements each one
 * skips), so rank lookups, rank ranges and score/lex searches are all O(log n). Each level is
 * kept with probability 1/4, as in Redis. Nodes also carry the hash chain link of
 * {@link MemberTable}, which indexes the same nodes by member.
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
    Node[] forward;
    int[] span;
    Node hashNext;

    Node(byte[] member, int hash, double score) {
      this.member = member;
      this.hash = hash;
      this.score = score;
    }

    void levels(int n) {
      forward = new Node[n];
      span = new int[n];
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
  Node first() { return header.forward[0]; }
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
      while (x.forward[i] != null && before(x.forward[i], n.score, n.member)) {
        rank[i] += x.span[i];
        x = x.forward[i];
      }
      update[i] = x;
    }
    int lvl = randomLevel();
    if (lvl > level) {
      for (int i = level; i < lvl; i++) {
        rank[i] = 0;
        update[i] = header;
        header.span[i] = length;
      }
      level = lvl;
    }
    n.levels(lvl);
    for (int i = 0; i < lvl; i++) {
      n.forward[i] = update[i].forward[i];
      update[i].forward[i] = n;
      n.span[i] = update[i].span[i] - (rank[0] - rank[i]);
      update[i].span[i] = rank[0] - rank[i] + 1;
    }
    for (int i = lvl; i < level; i++) update[i].span[i]++;
    n.backward = update[0] == header ? null : update[0];
    if (n.forward[0] != null) n.forward[0].backward = n;
    else tail = n;
    length++;
  }

  /** The last node on each level that sorts before {@code n}. */
  private Node[] pathTo(Node n) {
    Node[] update = new Node[MAX_LEVEL];
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && before(x.forward[i], n.score, n.member)) x = x.forward[i];
      update[i] = x;
    }
    return update;
  }

  private void unlink(Node x, Node[] update) {
    for (int i = 0; i < level; i++) {
      if (update[i].forward[i] == x) {
        update[i].span[i] += x.span[i] - 1;
        update[i].forward[i] = x.forward[i];
      } else {
        update[i].span[i] -= 1;
      }
    }
    if (x.forward[0] != null) x.forward[0].backward = x.backward;
    else tail = x.backward;
    while (level > 1 && header.forward[level - 1] == null) level--;
    length--;
  }

  /** Unlinks a node that is in the list. */
  void delete(Node n) {
    unlink(n, pathTo(n));
  }

  /** Changes a linked node's score, moving it only if its neighbours would no longer fit. */
  void updateScore(Node n, double score) {
    if ((n.backward == null || n.backward.score < score) && (n.forward[0] == null || n.forward[0].score > score)) {
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
      while (x.forward[i] != null && (x.forward[i] == n || before(x.forward[i], n.score, n.member))) {
        rank += x.span[i];
        x = x.forward[i];
      }
      if (x == n) return rank;
    }
    throw new IllegalStateException("node is not in the list");
  }

  /** The node at a 1-based rank, or null when out of range. */
  Node byRank(long rank) {
    Node x = header;
    long traversed = 0;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && traversed + x.span[i] <= rank) {
        traversed += x.span[i];
        x = x.forward[i];
      }
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
      while (x.forward[i] != null && traversed + x.span[i] < start) {
        traversed += x.span[i];
        x = x.forward[i];
      }
      update[i] = x;
    }
    x = x.forward[0];
    for (traversed++; x != null && traversed <= end; traversed++) {
      Node next = x.forward[0];
      unlink(x, update);
      removed.accept(x);
      x = next;
    }
  }

  /** First node whose score is inside the range (see {@link ScoredMembers#firstInRange(ScoreRange)}). */
  Node firstInRange(ScoreRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && !r.aboveMin(x.forward[i].score)) x = x.forward[i];
    }
    x = x.forward[0];
    return x != null && r.belowMax(x.score) ? x : null;
  }

  Node lastInRange(ScoreRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && r.belowMax(x.forward[i].score)) x = x.forward[i];
    }
    return x != header && r.aboveMin(x.score) ? x : null;
  }

  Node firstInRange(LexRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && !r.aboveMin(x.forward[i].member)) x = x.forward[i];
    }
    x = x.forward[0];
    return x != null && r.belowMax(x.member) ? x : null;
  }

  Node lastInRange(LexRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && r.belowMax(x.forward[i].member)) x = x.forward[i];
    }
    return x != header && r.aboveMin(x.member) ? x : null;
  }
}
