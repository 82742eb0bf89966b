package io.redline.store.zset;

import java.util.Arrays;

/**
 * The compact encoding (Redis "listpack"): parallel arrays of members and scores in set order,
 * searched linearly by member as Redis scans its listpack, by binary search on score. Kept
 * only while the set is small (zset-max-listpack-entries / -value), so the O(n) inserts and
 * lookups stay cheap, and it costs a few words per element instead of a node each.
 *
 * <p>As Redis 7.0's listpack stores a score as text from which "-0" comes back as 0, a negative
 * zero is stored as 0 here.
 */
final class ListpackZSet implements ScoredMembers {
  private byte[][] members;
  private double[] scores;
  private int size;

  ListpackZSet(int capacity) {
    members = new byte[Math.max(capacity, 1)][];
    scores = new double[Math.max(capacity, 1)];
  }

  @Override
  public int size() { return size; }

  byte[] memberAt(int i) { return members[i]; }
  double scoreAt(int i) { return scores[i]; }

  private int find(byte[] b, int off, int len) {
    for (int i = 0; i < size; i++) if (ZOrder.sameMember(members[i], b, off, len)) return i;
    return -1;
  }

  @Override
  public double score(byte[] b, int off, int len) {
    int i = find(b, off, len);
    return i < 0 ? Double.NaN : scores[i];
  }

  @Override
  public int rank(byte[] b, int off, int len) { return find(b, off, len); }

  @Override
  public void insert(byte[] member, double score) {
    if (score == 0) score = 0.0; // drops the sign of -0, see the class comment
    int lo = 0, hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ZOrder.compare(scores[mid], members[mid], score, member) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (size == members.length) {
      int n = size + (size >> 1) + 1;
      members = Arrays.copyOf(members, n);
      scores = Arrays.copyOf(scores, n);
    }
    System.arraycopy(members, lo, members, lo + 1, size - lo);
    System.arraycopy(scores, lo, scores, lo + 1, size - lo);
    members[lo] = member;
    scores[lo] = score;
    size++;
  }

  @Override
  public void update(byte[] b, int off, int len, double score) {
    int i = find(b, off, len);
    byte[] member = members[i];
    removeRange(i, 1);
    insert(member, score);
  }

  @Override
  public boolean remove(byte[] b, int off, int len) {
    int i = find(b, off, len);
    if (i < 0) return false;
    removeRange(i, 1);
    return true;
  }

  @Override
  public void removeRange(int start, int count) {
    System.arraycopy(members, start + count, members, start, size - start - count);
    System.arraycopy(scores, start + count, scores, start, size - start - count);
    Arrays.fill(members, size - count, size, null);
    size -= count;
  }

  @Override
  public Cursor at(int rank) { return new Position(rank); }

  @Override
  public Cursor firstInRange(ScoreRange r) {
    int lo = 0, hi = size; // scores are sorted: the first one above the minimum
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (r.aboveMin(scores[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo < size && r.belowMax(scores[lo]) ? new Position(lo) : null;
  }

  @Override
  public Cursor lastInRange(ScoreRange r) {
    int lo = 0, hi = size; // the first one above the maximum, then one back
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (r.belowMax(scores[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && r.aboveMin(scores[lo - 1]) ? new Position(lo - 1) : null;
  }

  @Override
  public Cursor firstInRange(LexRange r) {
    // A linear scan, as Redis walks its listpack: members are only sorted under a single score.
    for (int i = 0; i < size; i++) {
      if (r.aboveMin(members[i])) return r.belowMax(members[i]) ? new Position(i) : null;
    }
    return null;
  }

  @Override
  public Cursor lastInRange(LexRange r) {
    for (int i = size - 1; i >= 0; i--) {
      if (r.belowMax(members[i])) return r.aboveMin(members[i]) ? new Position(i) : null;
    }
    return null;
  }

  @Override
  public long scan(long cursor, long count, ScoredVisitor visitor) {
    for (int i = 0; i < size; i++) visitor.accept(members[i], scores[i]);
    return 0; // as Redis: a compact set is returned whole, whatever the cursor
  }

  /** An index into the arrays. */
  private final class Position implements Cursor {
    private int i;

    Position(int i) { this.i = i; }

    @Override public boolean valid() { return i >= 0 && i < size; }
    @Override public byte[] member() { return members[i]; }
    @Override public double score() { return scores[i]; }
    @Override public void next() { i++; }
    @Override public void prev() { i--; }
    @Override public int rank() { return i; }
  }
}
