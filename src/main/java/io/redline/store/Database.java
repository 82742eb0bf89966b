package io.redline.store;

import java.util.function.Consumer;

/**
 * One numbered database (SELECT n) within one shard: the key table plus the index of keys with a
 * TTL. Only the owning shard's thread, or a coordinator holding that shard, touches it.
 *
 * <p>Expiry is lazy (a lookup of an expired key deletes it and reports it absent) plus active
 * ({@link #activeExpire} samples keys with a TTL, as Redis's expire cycle does).
 */
public final class Database {
  private final Dict dict = new Dict();
  private final ExpiryIndex expires = new ExpiryIndex();
  private final KeyEvents events;

  private final int index;

  /** Told about keys that disappear or change wholesale without a command naming them. */
  public interface KeyEvents {
    /** A key's TTL passed and it was deleted (lazily or by the active cycle). */
    void expired(Database db, byte[] key);

    /** The whole table is about to be emptied (FLUSHDB, FLUSHALL). */
    default void beforeClear(Database db) {}

    /** Two databases exchanged contents (SWAPDB). */
    default void swapped(Database a, Database b) {}
  }

  public Database(int index, KeyEvents events) {
    this.index = index;
    this.events = events;
  }

  /** The database number (SELECT n). */
  public int index() { return index; }

  // Read by INFO from other threads; a stale value is fine for statistics.
  private long hits;
  private long misses;

  public int size() { return dict.size(); }
  public long hits() { return hits; }
  public long misses() { return misses; }

  public void resetStats() {
    hits = 0;
    misses = 0;
  }

  /** A lookup on behalf of a read command: counts keyspace hits and misses for INFO. */
  public Entry lookupRead(byte[] b, int off, int len, long now) {
    Entry e = lookup(b, off, len, now);
    if (e == null) misses++;
    else hits++;
    return e;
  }
  public int expiring() { return expires.size(); }

  /** Looks a key up, deleting it first if its TTL has passed. */
  public Entry lookup(byte[] b, int off, int len, long now) {
    Entry e = dict.get(b, off, len);
    if (e != null && e.expireAt != Entry.NO_EXPIRY && e.expireAt <= now) {
      expire(e);
      return null;
    }
    return e;
  }

  public Entry lookup(byte[] key, long now) { return lookup(key, 0, key.length, now); }

  /** Looks a key up without expiring it (for code that must see the raw table). */
  public Entry peek(byte[] key) { return dict.get(key, 0, key.length); }

  /** Inserts a key known to be absent (callers look it up first). */
  public Entry add(byte[] key, Object value) { return dict.add(key, value); }

  public void delete(Entry e) {
    expires.remove(e);
    dict.remove(e);
  }

  /** Sets (or with {@link Entry#NO_EXPIRY}, clears) the absolute expiry time in ms. */
  public void setExpire(Entry e, long at) {
    e.expireAt = at;
    if (at == Entry.NO_EXPIRY) expires.remove(e);
    else expires.add(e);
  }

  public void clear() {
    events.beforeClear(this);
    dict.clear();
    expires.clear();
  }

  private void expire(Entry e) {
    delete(e);
    events.expired(this, e.key);
  }

  /**
   * One round of active expiry: samples up to {@code samples} keys with a TTL and deletes the
   * expired ones. Returns how many it deleted, so the caller can repeat while the ratio is high.
   */
  public int activeExpire(long now, int samples) {
    int n = Math.min(samples, expires.size());
    int deleted = 0;
    for (int i = 0; i < n; i++) {
      Entry e = expires.sample();
      if (e != null && e.expireAt <= now) {
        expire(e);
        deleted++;
      }
    }
    return deleted;
  }

  /** A random live key, or null; expired keys met on the way are deleted. */
  public Entry randomKey(long now) {
    for (int tries = 0; tries < 100 && dict.size() > 0; tries++) {
      Entry e = dict.randomEntry();
      if (e.expireAt != Entry.NO_EXPIRY && e.expireAt <= now) {
        expire(e);
        continue;
      }
      return e;
    }
    // Every sample had expired: fall back to a full pass so RANDOMKEY never lies about emptiness.
    Entry[] found = new Entry[1];
    dict.forEach(e -> {
      if (found[0] == null && (e.expireAt == Entry.NO_EXPIRY || e.expireAt > now)) found[0] = e;
    });
    return found[0];
  }

  /** One SCAN step over this table; see {@link Dict#scanStep}. The visitor must not modify the table. */
  public long scanStep(long cursor, Consumer<Entry> visitor) { return dict.scanStep(cursor, visitor); }

  /** Visits every entry, expired or not. The visitor must not modify the table. */
  public void forEach(Consumer<Entry> visitor) { dict.forEach(visitor); }

  /** Exchanges contents with another database of the same shard (SWAPDB). */
  public void swapWith(Database other) {
    events.swapped(this, other);
    Dict.swap(dict, other.dict);
    ExpiryIndex.swap(expires, other.expires);
  }
}
