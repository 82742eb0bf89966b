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
  private Dict dict = new Dict(); // replaced, not emptied, by FLUSH and SWAPDB: a running snapshot may still walk it
  private final ExpiryIndex expires = new ExpiryIndex();
  // Point-in-time snapshot state (see beginSnapshot); touched only by whoever owns the shard.
  private SnapshotSink snapshot;
  private int snapshotEpoch;
  private int snapshotOrigin;
  private final KeyEvents events;

  private final int index;
  /** The shard's memory account, and this database's share of it (keys and values here). */
  private final io.redline.memory.MemoryAccount memory;
  private long usedBytes;
  /** What a new key's access field starts as: a seconds clock, or an LFU counter (see ServerContext.lruClock). */
  private java.util.function.IntSupplier newKeyClock = io.redline.memory.Lfu::lruClock;

  /** Told about keys that disappear or change wholesale without a command naming them. */
  public interface KeyEvents {
    /** A key's TTL passed and it was deleted (lazily or by the active cycle). */
    void expired(Database db, byte[] key);

    /** The whole table is about to be emptied (FLUSHDB, FLUSHALL). */
    default void beforeClear(Database db) {}

    /** Two databases exchanged contents (SWAPDB). */
    default void swapped(Database a, Database b) {}

    /** A read command's lookup found nothing (the key is {@code len} bytes of {@code buf} at {@code off}). */
    default void missed(Database db, byte[] buf, int off, int len) {}
  }

  public Database(int index, KeyEvents events) {
    this(index, events, new io.redline.memory.MemoryAccount());
  }

  public Database(int index, KeyEvents events, io.redline.memory.MemoryAccount memory) {
    this.index = index;
    this.events = events;
    this.memory = memory;
    memory.addDatabase();
  }

  /** Sets how new keys' access fields start (the shard follows maxmemory-policy). */
  public void newKeyClock(java.util.function.IntSupplier clock) { this.newKeyClock = clock; }

  /** Bytes the keys and values of this database occupy (estimated; see io.redline.memory.ValueSize). */
  public long usedBytes() { return usedBytes; }

  /** Measures a key again after a change; a key deleted since it was noted is left alone. */
  public void reaccount(Entry e) {
    if (e.accounted == Entry.DELETED) return;
    e.accessClock &= ~io.redline.memory.Lfu.FRESH; // its creating command is over: accesses count from now
    long n = Math.min(Integer.MAX_VALUE, io.redline.memory.ValueSize.entry(e.key, e.value, e.expireAt != Entry.NO_EXPIRY,
        io.redline.memory.ValueSize.DEFAULT_SAMPLES));
    long delta = n - e.accounted;
    if (delta == 0) return;
    e.accounted = (int) n;
    usedBytes += delta;
    memory.add(delta);
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
    Entry e = lookupReadNoNotify(b, off, len, now);
    if (e == null) events.missed(this, b, off, len);
    return e;
  }

  /** {@link #lookupRead} without the key-miss event (Redis's LOOKUP_NONOTIFY: OBJECT's lookups). */
  public Entry lookupReadNoNotify(byte[] b, int off, int len, long now) {
    Entry e = find(b, off, len, now); // a read changes no sizes: not noted for the memory account
    if (e == null) misses++;
    else hits++;
    return e;
  }
  public int expiring() { return expires.size(); }

  /**
   * Looks a key up, deleting it first if its TTL has passed. While a snapshot runs, a key found
   * here is written to it first: callers may change what they looked up (even read paths do,
   * e.g. PFCOUNT caching its estimate), so every lookup counts as a possible write.
   */
  public Entry lookup(byte[] b, int off, int len, long now) {
    Entry e = find(b, off, len, now);
    if (e != null) memory.touched(this, e); // may be changed by the caller: measured after the command
    return e;
  }

  private Entry find(byte[] b, int off, int len, long now) {
    Entry e = dict.get(b, off, len);
    if (e != null && e.expireAt != Entry.NO_EXPIRY && e.expireAt <= now) {
      expire(e);
      return null;
    }
    if (e != null && snapshot != null) beforeChange(e);
    return e;
  }

  public Entry lookup(byte[] key, long now) { return lookup(key, 0, key.length, now); }

  /** Looks a key up without expiring it (for code that must see the raw table). */
  public Entry peek(byte[] key) { return dict.get(key, 0, key.length); }

  /** Sizes the table for about {@code keys} keys (loading an RDB file: its RESIZEDB hint). */
  public void expand(long keys) { dict.expand((int) Math.min(keys, Integer.MAX_VALUE)); }

  /** Inserts a key known to be absent (callers look it up first). A running snapshot leaves it out. */
  public Entry add(byte[] key, Object value) {
    Entry e = dict.add(key, value);
    e.snapshotMark = snapshotEpoch;
    e.accessClock = newKeyClock.getAsInt(); // a new key starts its idle time (or LFU count) now, as Redis stamps objects
    long n = Math.min(Integer.MAX_VALUE, io.redline.memory.ValueSize.entry(key, value, false, io.redline.memory.ValueSize.DEFAULT_SAMPLES));
    e.accounted = (int) n;
    usedBytes += n;
    memory.add(n);
    memory.touched(this, e); // callers often fill a new collection after adding it
    return e;
  }

  public void delete(Entry e) {
    if (snapshot != null) beforeChange(e);
    expires.remove(e);
    dict.remove(e);
    if (e.accounted != Entry.DELETED) {
      usedBytes -= e.accounted;
      memory.add(-e.accounted);
      e.accounted = Entry.DELETED;
    }
  }

  /** Sets (or with {@link Entry#NO_EXPIRY}, clears) the absolute expiry time in ms. */
  public void setExpire(Entry e, long at) {
    if (snapshot != null) beforeChange(e);
    e.expireAt = at;
    if (at == Entry.NO_EXPIRY) expires.remove(e);
    else expires.add(e);
    memory.touched(this, e); // its expiry slot is counted
  }

  public void clear() {
    events.beforeClear(this);
    memory.settle(); // keys noted before the flush must not be counted into the new table
    dict = new Dict();
    expires.clear();
    memory.add(-usedBytes);
    usedBytes = 0;
  }

  /** A random key (any key, or only keys with a TTL) for eviction sampling; may be expired; null when none. */
  public Entry sample(boolean withExpiryOnly) {
    return withExpiryOnly ? expires.sample() : dict.randomEntry();
  }

  /** Whether {@code e} is this database's current entry for its key (not deleted, not swapped away). */
  public boolean holds(Entry e) {
    return e.accounted != Entry.DELETED && dict.get(e.key) == e;
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
    memory.settle(); // noted keys belong to the table they were noted in
    long u = usedBytes; // the shard's total stays; each number follows its table
    usedBytes = other.usedBytes;
    other.usedBytes = u;
    Dict d = dict;
    dict = other.dict;
    other.dict = d;
    int origin = snapshotOrigin; // a table keeps the number it had when a snapshot began
    snapshotOrigin = other.snapshotOrigin;
    other.snapshotOrigin = origin;
    ExpiryIndex.swap(expires, other.expires);
  }

  // ---- point-in-time snapshots (BGSAVE without fork) ---------------------------------------

  /**
   * Starts a snapshot of this database as it is now. From here until {@link #endSnapshot}, each
   * key present now reaches {@code sink} exactly once in its current state: from the returned
   * walk, or from this database just before a lookup, delete or expiry change touches it. Keys
   * added later are not part of it. {@code epoch} must differ from every earlier snapshot's of
   * this shard. Cost: O(1) now, one field test per lookup while it runs.
   */
  public SnapshotWalk beginSnapshot(SnapshotSink sink, int epoch) {
    snapshot = sink;
    snapshotEpoch = epoch;
    snapshotOrigin = index;
    return new SnapshotWalk(dict, index, epoch);
  }

  /** The snapshot's walks are done (or it was abandoned): no more preserving. */
  public void endSnapshot() { snapshot = null; }

  public boolean inSnapshot() { return snapshot != null; }

  private void beforeChange(Entry e) {
    if (e.snapshotMark != snapshotEpoch) {
      e.snapshotMark = snapshotEpoch;
      snapshot.preserve(snapshotOrigin, e);
    }
  }
}
