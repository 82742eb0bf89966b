package io.redline.store.zset;

import java.util.ArrayList;
import java.util.List;

/**
 * The large-set encoding (Redis "skiplist"): a {@link SkipList} for order and rank plus a
 * {@link MemberTable} for O(1) member lookups, both over the same nodes. Unlike the compact
 * encoding it keeps a score of -0 as it was given, as Redis's skiplist does.
 */
final class SkipListZSet implements ScoredMembers {
  private final SkipList list = new SkipList();
  private final MemberTable index = new MemberTable();

  @Override
  public int size() { return list.length(); }

  @Override
  public double score(byte[] b, int off, int len) {
    SkipList.Node n = index.get(b, off, len);
    return n == null ? Double.NaN : n.score;
  }

  @Override
  public int rank(byte[] b, int off, int len) {
    SkipList.Node n = index.get(b, off, len);
    return n == null ? -1 : list.rank(n) - 1;
  }

  @Override
  public void insert(byte[] member, double score) {
    SkipList.Node n = new SkipList.Node(member, MemberTable.hash(member, 0, member.length), score);
    list.insert(n);
    index.add(n);
  }

  @Override
  public void update(byte[] b, int off, int len, double score) {
    list.updateScore(index.get(b, off, len), score);
  }

  @Override
  public boolean remove(byte[] b, int off, int len) {
    SkipList.Node n = index.get(b, off, len);
    if (n == null) return false;
    list.delete(n);
    index.remove(n);
    return true;
  }

  @Override
  public void removeRange(int start, int count) {
    list.deleteRange(start + 1, start + count, index::remove);
  }

  @Override
  public Cursor at(int rank) {
    // The ends are the common case (pops, range checks) and need no descent.
    if (rank == 0) return new NodeCursor(list.first());
    if (rank == list.length() - 1) return new NodeCursor(list.last());
    return new NodeCursor(list.byRank(rank + 1));
  }

  @Override
  public Cursor firstInRange(ScoreRange r) { return cursor(list.firstInRange(r)); }

  @Override
  public Cursor lastInRange(ScoreRange r) { return cursor(list.lastInRange(r)); }

  @Override
  public Cursor firstInRange(LexRange r) { return cursor(list.firstInRange(r)); }

  @Override
  public Cursor lastInRange(LexRange r) { return cursor(list.lastInRange(r)); }

  private Cursor cursor(SkipList.Node n) { return n == null ? null : new NodeCursor(n); }

  @Override
  public long scan(long cursor, long count, ScoredVisitor visitor) {
    // Redis's budget: up to count*10 buckets, stopping once count elements were seen.
    List<SkipList.Node> seen = new ArrayList<>();
    long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
    do {
      cursor = index.scanStep(cursor, seen::add);
    } while (cursor != 0 && budget-- > 0 && seen.size() < count);
    for (SkipList.Node n : seen) visitor.accept(n.member, n.score);
    return cursor;
  }

  /** A node of the list; moving past either end makes it invalid. */
  private final class NodeCursor implements Cursor {
    private SkipList.Node n;

    NodeCursor(SkipList.Node n) { this.n = n; }

    @Override public boolean valid() { return n != null; }
    @Override public byte[] member() { return n.member; }
    @Override public double score() { return n.score; }
    @Override public void next() { n = n.next; }
    @Override public void prev() { n = n.backward; }
    @Override public int rank() { return list.rank(n) - 1; }
  }
}
