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
  final int hash;
  Entry next;
  Object value;
  long expireAt = NO_EXPIRY;
  /** Position in the database's expiry index, or -1 when the key has no TTL. */
  int expirySlot = -1;
  /** Seconds-resolution access clock for OBJECT IDLETIME and LRU eviction. */
  int accessClock;
  /**
   * The snapshot epoch in which this key was last written out or was created: while a
   * point-in-time save runs, a key whose mark is not the save's epoch still owes its state as of
   * the save's start (see {@link Database#beginSnapshot}).
   */
  int snapshotMark;

  Entry(byte[] key, int hash, Object value) {
    this.key = key;
    this.hash = hash;
    this.value = value;
    // A new key starts its idle time now (Redis stamps every new object), not in 1970.
    this.accessClock = (int) (System.currentTimeMillis() / 1000);
  }

  public byte[] key() { return key; }
  public Object value() { return value; }
  public void value(Object v) { this.value = v; }
  public long expireAt() { return expireAt; }
  public boolean hasExpiry() { return expireAt != NO_EXPIRY; }
  public int accessClock() { return accessClock; }
  public void touch(int clock) { this.accessClock = clock; }
}
