package io.redline.store;

/**
 * One key of a database: its bytes, value, expiry and access clock, chained in a {@link Dict} bucket.
 *
 * <p>Values are kept as compact as the type allows: a string is a {@code byte[]} (Redis "embstr"
 * or "raw" by length), a {@link Long} (Redis "int"), or a {@link StringBuilderValue} once it has
 * been appended to.
 */
public final class Entry {
  public static final long NO_EXPIRY = -1;

  final byte[] key;
  Entry next;
  Object value;
  long expireAt = NO_EXPIRY;
  /** Position in the database's expiry index, or -1 when the key has no TTL. */
  int expirySlot = -1;
  /**
   * Redis's "lru" field: under an LRU (or no) policy, the seconds clock of the last access (OBJECT
   * IDLETIME, LRU eviction); under an LFU policy, 16 bits of minutes since the last decrement and
   * an 8-bit logarithmic access counter (see io.redline.memory.Lfu).
   */
  int accessClock;
  /**
   * The snapshot epoch in which this key was last written out or was created: while a
   * point-in-time save runs, a key whose mark is not the save's epoch still owes its state as of
   * the save's start (see {@link Database#beginSnapshot}).
   */
  int snapshotMark;
  /**
   * The bytes this key is counted for in its database's memory account (io.redline.memory), or
   * {@link #DELETED} once it left the table. Took the place of a cached hash code: the table
   * rehashes keys when it resizes instead, so the entry stays 48 bytes.
   */
  int accounted;

  static final int DELETED = -1;

  Entry(byte[] key, Object value) {
    this.key = key;
    this.value = value;
  }

  public byte[] key() { return key; }
  public Object value() { return value; }
  public void value(Object v) { this.value = v; }
  public long expireAt() { return expireAt; }
  public boolean hasExpiry() { return expireAt != NO_EXPIRY; }
  public int accessClock() { return accessClock; }
  /** The bytes its database counts for it (key, value, overhead); -1 once deleted. */
  public int accounted() { return accounted; }

  /**
   * Records an access. {@code clock} is {@code ServerContext.lruClock()}: a seconds clock under LRU,
   * or an LFU marker (negative) carrying the minutes clock, when the counter is bumped instead.
   */
  public void touch(int clock) {
    this.accessClock = clock >= 0 ? clock : io.redline.memory.Lfu.touch(accessClock, clock);
  }

  /** Sets the raw access field (eviction code and RESTORE ... FREQ). */
  public void accessField(int v) { this.accessClock = v; }
}
