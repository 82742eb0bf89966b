package io.redline.store.zset;

import io.redline.store.RedisValue;
import io.redline.store.StoredValue;

/**
 * A sorted set: members with double scores, ordered by (score, member bytes). Small sets use the
 * compact {@link ListpackZSet}; a set converts once to {@link SkipListZSet} when an insert would
 * pass zset-max-listpack-entries or zset-max-listpack-value, with Redis 7.0's rules, so OBJECT
 * ENCODING answers as Redis does for the same commands. Only the STORE commands build a compact
 * set from a large result (Redis's zsetConvertToListpackIfNeeded); deletions never convert back.
 *
 * <p>The range, count and removal operations that go with this class are in {@link ZSetRanges}.
 */
public final class ZSetValue implements RedisValue, StoredValue {
  /** ZADD input flags. */
  public static final int INCR = 1, NX = 2, XX = 4, GT = 8, LT = 16;
  /** ZADD outcome flags: nothing done, the result would be NaN, a member added, a score changed. */
  public static final int NOP = 1, NAN = 2, ADDED = 4, UPDATED = 8;

  ScoredMembers body;

  private ZSetValue(ScoredMembers body) { this.body = body; }

  /**
   * An empty set for ZADD/ZINCRBY to fill: compact unless the thresholds rule it out for the
   * first member (Redis checks only that one here; later ones convert on insert).
   */
  public static ZSetValue forAdd(int firstMemberLength, ZSetLimits limits) {
    boolean table = limits.maxEntries() == 0 || firstMemberLength > limits.maxValue();
    return new ZSetValue(table ? new SkipListZSet() : new ListpackZSet(4));
  }

  /**
   * An empty set for ZRANGESTORE, filled with {@link #add}: compact unless the result is known
   * ({@code expected} >= 0) to have more than zset-max-listpack-entries elements.
   */
  public static ZSetValue forStore(long expected, ZSetLimits limits) {
    boolean table = expected > limits.maxEntries();
    return new ZSetValue(table ? new SkipListZSet() : new ListpackZSet((int) Math.min(Math.max(expected, 4), 128)));
  }

  /**
   * A set built from a finished result in set order (ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE):
   * compact when small enough, as Redis converts its result then.
   */
  public static ZSetValue fromSorted(ScoredList sorted, ZSetLimits limits) {
    int n = sorted.size();
    boolean compact = n <= limits.maxEntries();
    for (int i = 0; compact && i < n; i++) compact = sorted.member(i).length <= limits.maxValue();
    ScoredMembers body = compact ? new ListpackZSet(n) : new SkipListZSet();
    for (int i = 0; i < n; i++) body.insert(sorted.member(i), sorted.score(i));
    return new ZSetValue(body);
  }

  @Override
  public String typeName() { return "zset"; }

  @Override
  public String encoding() { return body instanceof ListpackZSet ? "listpack" : "skiplist"; }

  @Override
  public ZSetValue copy() {
    ScoredMembers c = body instanceof ListpackZSet ? new ListpackZSet(body.size()) : new SkipListZSet();
    // Members are never changed in place, so the copy may share their arrays.
    for (ScoredMembers.Cursor x = body.size() == 0 ? null : body.at(0); x != null && x.valid(); x.next()) {
      c.insert(x.member(), x.score());
    }
    return new ZSetValue(c);
  }

  public int size() { return body.size(); }

  /** The member's score, or NaN when it is absent. */
  public double score(byte[] b, int off, int len) { return body.score(b, off, len); }

  public double score(byte[] member) { return body.score(member, 0, member.length); }

  /** The member's 0-based rank, ascending, or -1 when it is absent. */
  public int rank(byte[] b, int off, int len) { return body.rank(b, off, len); }

  /**
   * Redis's zsetAdd: adds or updates one member under ZADD's flags; returns the outcome flags
   * and, unless the outcome is NOP or NAN, stores the resulting score in {@code newScore[0]}.
   * The member is copied only when added.
   */
  public int add(byte[] b, int off, int len, double score, int flags, double[] newScore, ZSetLimits limits) {
    double current = body.score(b, off, len);
    if (current == current) {
      if ((flags & NX) != 0) return NOP;
      if ((flags & INCR) != 0) {
        score += current;
        if (score != score) return NAN;
      }
      if (((flags & LT) != 0 && score >= current) || ((flags & GT) != 0 && score <= current)) return NOP;
      newScore[0] = score;
      if (score == current) return 0; // -0 and 0 are equal: nothing to change
      body.update(b, off, len, score);
      return UPDATED;
    }
    if ((flags & XX) != 0) return NOP;
    byte[] member = java.util.Arrays.copyOfRange(b, off, off + len);
    insert(member, score, limits);
    newScore[0] = score;
    return ADDED;
  }

  /** Inserts an absent member, converting to the skip list first if the thresholds say so. */
  public void insert(byte[] member, double score, ZSetLimits limits) {
    if (body instanceof ListpackZSet lp && (lp.size() + 1L > limits.maxEntries() || member.length > limits.maxValue())) {
      convertToSkipList();
    }
    body.insert(member, score);
  }

  private void convertToSkipList() {
    SkipListZSet table = new SkipListZSet();
    ListpackZSet lp = (ListpackZSet) body;
    for (int i = 0; i < lp.size(); i++) table.insert(lp.memberAt(i), lp.scoreAt(i));
    body = table;
  }

  public boolean remove(byte[] b, int off, int len) { return body.remove(b, off, len); }

  /** The element at a 0-based rank: its member. */
  public byte[] memberAt(int rank) { return body.at(rank).member(); }

  /** Visits every element in ascending order. */
  public void forEach(ScoredVisitor visitor) {
    if (body.size() == 0) return;
    for (ScoredMembers.Cursor x = body.at(0); x.valid(); x.next()) visitor.accept(x.member(), x.score());
  }

  /** One ZSCAN step: compact sets are visited whole (cursor 0 back), large ones bucket by bucket. */
  public long scan(long cursor, long count, ScoredVisitor visitor) { return body.scan(cursor, count, visitor); }
}
