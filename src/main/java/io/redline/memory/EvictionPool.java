package io.redline.memory;

import io.redline.shard.Shard;
import io.redline.store.Database;
import io.redline.store.Entry;

/**
 * One shard's choice of eviction victims, as Redis approximates LRU, LFU and TTL order: each
 * round samples {@code maxmemory-samples} keys of every database and keeps the 16 best
 * candidates seen so far (highest idle time, lowest access frequency, or nearest expiry) in a
 * pool that survives between rounds, so over many evictions the victims approach the true
 * order without any list of all keys. Random policies just take a random key.
 *
 * <p>Pool entries may go stale (the key was deleted, changed or swapped away): they are checked
 * against their database before being evicted. Touched only by the shard's owner.
 */
final class EvictionPool {
  private static final int SIZE = 16;

  private final Shard shard;
  private final long[] score = new long[SIZE]; // ascending: the best victim is last
  private final Entry[] keys = new Entry[SIZE];
  private final Database[] dbs = new Database[SIZE];
  private int size;
  private int nextDb; // random policies visit databases in turn, as Redis's next_db
  private Policy filledFor; // scores of another policy mean nothing: the pool starts over

  EvictionPool(Shard shard) {
    this.shard = shard;
  }

  /** The next key to evict under {@code policy}, or null when no key qualifies. */
  Victim pick(Policy policy, int samples, Victim out) {
    if (policy.kind == Policy.Kind.RANDOM) return random(policy, out);
    if (policy != filledFor) {
      clear();
      filledFor = policy;
    }
    for (int round = 0; round < 8; round++) {
      boolean any = populate(policy, samples);
      while (size > 0) {
        int i = --size;
        Entry e = keys[i];
        Database db = dbs[i];
        keys[i] = null;
        dbs[i] = null;
        if (db.holds(e) && (!policy.volatileOnly || e.hasExpiry())) return out.set(db, e);
      }
      if (!any) return null;
    }
    return null;
  }

  private Victim random(Policy policy, Victim out) {
    int n = shard.databaseCount();
    for (int k = 0; k < n; k++) {
      Database db = shard.database(nextDb);
      nextDb = (nextDb + 1) % n;
      if ((policy.volatileOnly ? db.expiring() : db.size()) == 0) continue;
      Entry e = db.sample(policy.volatileOnly);
      if (e != null) return out.set(db, e);
    }
    return null;
  }

  /** Samples every database into the pool; false when no database has a candidate at all. */
  private boolean populate(Policy policy, int samples) {
    boolean any = false;
    for (int d = 0; d < shard.databaseCount(); d++) {
      Database db = shard.database(d);
      int candidates = policy.volatileOnly ? db.expiring() : db.size();
      if (candidates == 0) continue;
      any = true;
      for (int s = 0, n = Math.min(samples, candidates); s < n; s++) {
        Entry e = db.sample(policy.volatileOnly);
        if (e != null) offer(db, e, score(policy, e));
      }
    }
    return any;
  }

  /** Higher is a better victim (Redis's "idle"). */
  private static long score(Policy policy, Entry e) {
    return switch (policy.kind) {
      case LRU -> Lfu.idleTicks(e.accessClock());
      case LFU -> 255 - Lfu.decayed(e.accessClock());
      case TTL -> Long.MAX_VALUE - e.expireAt();
      default -> 0;
    };
  }

  /** Redis's evictionPoolPopulate insertion: sorted, the worst dropped when full. */
  private void offer(Database db, Entry e, long idle) {
    for (int i = 0; i < size; i++) if (keys[i] == e) return; // sampled twice
    int pos = 0;
    while (pos < size && score[pos] < idle) pos++;
    if (size == SIZE) {
      if (pos == 0) return; // worse than everything pooled
      // Drop the worst (index 0) and shift left to make room before pos.
      pos--;
      System.arraycopy(score, 1, score, 0, pos);
      System.arraycopy(keys, 1, keys, 0, pos);
      System.arraycopy(dbs, 1, dbs, 0, pos);
    } else {
      System.arraycopy(score, pos, score, pos + 1, size - pos);
      System.arraycopy(keys, pos, keys, pos + 1, size - pos);
      System.arraycopy(dbs, pos, dbs, pos + 1, size - pos);
      size++;
    }
    score[pos] = idle;
    keys[pos] = e;
    dbs[pos] = db;
  }

  /** Forgets pooled keys. */
  private void clear() {
    java.util.Arrays.fill(keys, null);
    java.util.Arrays.fill(dbs, null);
    size = 0;
  }

  /** A chosen key and its database. */
  static final class Victim {
    Database db;
    Entry entry;

    Victim set(Database d, Entry e) {
      db = d;
      entry = e;
      return this;
    }
  }
}
