package io.redline.store.zset;

/**
 * Rank, score and lex ranges over a {@link ZSetValue}: reading them (ZRANGE and friends),
 * counting them (ZCOUNT, ZLEXCOUNT), removing them (ZREMRANGEBY*) and popping from either end.
 * Out-of-range ranks, negative offsets and limits follow Redis 7.0 exactly; see each method.
 */
public final class ZSetRanges {
  private ZSetRanges() {}

  /**
   * Ranks [start, end] as ZRANGE takes them (negative counts from the end, clamped); with
   * {@code reverse}, ranks count from the highest element down.
   */
  public static void byRank(ZSetValue z, long start, long end, boolean reverse, ScoredList out) {
    long[] r = clampRanks(z.size(), start, end);
    if (r == null) return;
    int n = (int) (r[1] - r[0] + 1);
    ScoredMembers.Cursor c = z.body.at((int) (reverse ? z.size() - 1 - r[0] : r[0]));
    for (int i = 0; i < n; i++, move(c, reverse)) out.add(c.member(), c.score());
  }

  /** Redis's rank sanitising: null when the range is empty. */
  private static long[] clampRanks(long size, long start, long end) {
    if (start < 0) start += size;
    if (end < 0) end += size;
    if (start < 0) start = 0;
    if (start > end || start >= size) return null;
    if (end >= size) end = size - 1;
    return new long[] {start, end};
  }

  private static void move(ScoredMembers.Cursor c, boolean reverse) {
    if (reverse) c.prev();
    else c.next();
  }

  /** Where a score range starts: its lowest element, or its highest when reversed. */
  private static ScoredMembers.Cursor start(ZSetValue z, ScoreRange r, boolean reverse) {
    ScoredMembers b = z.body;
    int n = b.size();
    if (n == 0 || r.isEmpty() || !r.aboveMin(b.at(n - 1).score()) || !r.belowMax(b.at(0).score())) return null;
    return reverse ? b.lastInRange(r) : b.firstInRange(r);
  }

  private static ScoredMembers.Cursor start(ZSetValue z, LexRange r, boolean reverse) {
    ScoredMembers b = z.body;
    int n = b.size();
    if (n == 0 || r.isEmpty() || !r.aboveMin(b.at(n - 1).member()) || !r.belowMax(b.at(0).member())) return null;
    return reverse ? b.lastInRange(r) : b.firstInRange(r);
  }

  /**
   * ZRANGEBYSCORE with LIMIT: skips {@code offset} elements (a negative offset skips them all,
   * as Redis's loop does) and returns up to {@code limit} (negative: no limit).
   */
  public static void byScore(ZSetValue z, ScoreRange r, boolean reverse, long offset, long limit, ScoredList out) {
    if (offset > 0 && offset >= z.size()) return;
    ScoredMembers.Cursor c = start(z, r, reverse);
    if (c == null) return;
    for (; c.valid() && offset != 0; offset--) move(c, reverse);
    for (; c.valid() && limit != 0; limit--, move(c, reverse)) {
      if (reverse ? !r.aboveMin(c.score()) : !r.belowMax(c.score())) break;
      out.add(c.member(), c.score());
    }
  }

  /** ZRANGEBYLEX with LIMIT; offset and limit as in {@link #byScore}. */
  public static void byLex(ZSetValue z, LexRange r, boolean reverse, long offset, long limit, ScoredList out) {
    if (offset > 0 && offset >= z.size()) return;
    ScoredMembers.Cursor c = start(z, r, reverse);
    if (c == null) return;
    for (; c.valid() && offset != 0; offset--) move(c, reverse);
    for (; c.valid() && limit != 0; limit--, move(c, reverse)) {
      if (reverse ? !r.aboveMin(c.member()) : !r.belowMax(c.member())) break;
      out.add(c.member(), c.score());
    }
  }

  /** ZCOUNT: walked in the compact encoding, from the two end ranks in the skip list, as Redis. */
  public static long count(ZSetValue z, ScoreRange r) {
    ScoredMembers.Cursor first = start(z, r, false);
    if (first == null) return 0;
    if (z.body instanceof ListpackZSet) {
      long n = 0;
      for (; first.valid() && r.belowMax(first.score()); first.next()) n++;
      return n;
    }
    ScoredMembers.Cursor last = z.body.lastInRange(r);
    return last == null ? z.size() - first.rank() : last.rank() - first.rank() + 1;
  }

  /** ZLEXCOUNT, counted as {@link #count(ZSetValue, ScoreRange)}. */
  public static long count(ZSetValue z, LexRange r) {
    ScoredMembers.Cursor first = start(z, r, false);
    if (first == null) return 0;
    if (z.body instanceof ListpackZSet) {
      long n = 0;
      for (; first.valid() && r.belowMax(first.member()); first.next()) n++;
      return n;
    }
    ScoredMembers.Cursor last = z.body.lastInRange(r);
    return last == null ? z.size() - first.rank() : last.rank() - first.rank() + 1;
  }

  /** ZREMRANGEBYRANK; returns how many were removed. */
  public static long removeByRank(ZSetValue z, long start, long end) {
    long[] r = clampRanks(z.size(), start, end);
    if (r == null) return 0;
    int n = (int) (r[1] - r[0] + 1);
    z.body.removeRange((int) r[0], n);
    return n;
  }

  /** ZREMRANGEBYSCORE: the run of elements from the first in range while still in range. */
  public static long remove(ZSetValue z, ScoreRange r) {
    ScoredMembers.Cursor c = start(z, r, false);
    if (c == null) return 0;
    int first = c.rank(), n = 0;
    for (; c.valid() && r.belowMax(c.score()); c.next()) n++;
    z.body.removeRange(first, n);
    return n;
  }

  /** ZREMRANGEBYLEX, as {@link #remove(ZSetValue, ScoreRange)}. */
  public static long remove(ZSetValue z, LexRange r) {
    ScoredMembers.Cursor c = start(z, r, false);
    if (c == null) return 0;
    int first = c.rank(), n = 0;
    for (; c.valid() && r.belowMax(c.member()); c.next()) n++;
    z.body.removeRange(first, n);
    return n;
  }

  /** ZPOPMIN/ZPOPMAX: removes up to {@code count} lowest (or highest) elements, in pop order. */
  public static void pop(ZSetValue z, boolean max, long count, ScoredList out) {
    int n = (int) Math.min(count, z.size());
    if (n <= 0) return;
    int first = max ? z.size() - n : 0;
    ScoredMembers.Cursor c = z.body.at(max ? z.size() - 1 : 0);
    for (int i = 0; i < n; i++, move(c, max)) out.add(c.member(), c.score());
    z.body.removeRange(first, n);
  }

  /** The element at a 0-based rank, added to {@code out} (ZRANDMEMBER). */
  public static void at(ZSetValue z, int rank, ScoredList out) {
    ScoredMembers.Cursor c = z.body.at(rank);
    out.add(c.member(), c.score());
  }
}
