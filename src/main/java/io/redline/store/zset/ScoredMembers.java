package io.redline.store.zset;

/**
 * One encoding of a sorted set's elements, kept in (score, member) order: {@link ListpackZSet}
 * for small sets, {@link SkipListZSet} for large ones. {@link ZSetValue} chooses and converts;
 * members given as slices of a request buffer are copied only when stored.
 */
interface ScoredMembers {
  int size();

  /** The member's score, or NaN when it is absent (a stored score is never NaN). */
  double score(byte[] b, int off, int len);

  /** The member's 0-based rank in ascending order, or -1 when it is absent. */
  int rank(byte[] b, int off, int len);

  /** Adds a member known to be absent. */
  void insert(byte[] member, double score);

  /** Sets an existing member's score, moving it when its position changes. */
  void update(byte[] b, int off, int len, double score);

  /** Removes a member; false when it was absent. */
  boolean remove(byte[] b, int off, int len);

  /** Removes the elements at ranks [start, start + count). */
  void removeRange(int start, int count);

  /** A cursor on the element at {@code rank}, 0 <= rank < size. */
  Cursor at(int rank);

  /**
   * Lowest element with a score inside the range, or null; the caller has checked that the
   * range is not empty and overlaps the set's first and last scores (Redis's zslIsInRange).
   */
  Cursor firstInRange(ScoreRange r);

  /** Highest element with a score inside the range, or null; same precondition. */
  Cursor lastInRange(ScoreRange r);

  /**
   * First element, in set order, at or after the lex minimum, if it is also within the maximum;
   * otherwise null. The lex commands assume one score for all members; with mixed scores the
   * result depends on the search, as in Redis.
   */
  Cursor firstInRange(LexRange r);

  /** Last element, in set order, at or before the lex maximum, if it is also within the minimum. */
  Cursor lastInRange(LexRange r);

  /** Visits elements for ZSCAN from {@code cursor}; returns the next cursor, 0 when done. */
  long scan(long cursor, long count, ScoredVisitor visitor);

  /** A position in the set's order that can move either way. */
  interface Cursor {
    boolean valid();
    byte[] member();
    double score();
    void next();
    void prev();
    /** 0-based rank of the current element. */
    int rank();
  }
}
