package io.redline.store.list;

/**
 * One physical representation of a list's elements. {@link ListValue} holds exactly one and swaps
 * the packed form for the deque form once the list outgrows it; callers never see which.
 *
 * <p>Indexes are already normalised and in range when they reach a form: the Redis rules about
 * negative and out-of-range indexes live in the command handlers.
 */
interface ListForm {
  int size();

  /** Adds one element at the head or the tail; the array is kept, not copied. */
  void push(boolean atHead, byte[] element);

  /** Removes one element from the head or the tail; the list is not empty. */
  byte[] pop(boolean atHead);

  byte[] get(int index);

  void set(int index, byte[] element);

  /** Inserts so that the new element ends up at {@code index} (0..size). */
  void insert(int index, byte[] element);

  /** Keeps only the elements {@code from..to} (inclusive, both in range, from <= to). */
  void retain(int from, int to);

  /**
   * Removes elements equal to {@code b[off..off+len)} in head-to-tail order: the first {@code skip}
   * matches stay, the next ones go until {@code limit} have gone. Returns how many went.
   */
  long removeMatches(byte[] b, int off, int len, long skip, long limit);

  /**
   * Visits elements starting at {@code from}, towards the tail or the head, until the visitor says
   * stop or the list ends.
   */
  void scan(int from, boolean towardsTail, ElementVisitor visitor);

  /** An independent copy (element arrays are never changed in place, so they may be shared). */
  ListForm copy();
}
