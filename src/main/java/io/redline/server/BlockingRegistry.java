package io.redline.server;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The clients parked on keys of one shard, first come first served per key. Touched only by the
 * shard's thread or by a coordinator holding the shard.
 */
final class BlockingRegistry {
  private final Map<WaitKey, ArrayDeque<Waiter>> byKey = new HashMap<>();

  boolean isEmpty() { return byKey.isEmpty(); }

  void add(int db, byte[] key, Waiter w) {
    byKey.computeIfAbsent(new WaitKey(db, key), k -> new ArrayDeque<>()).add(w);
  }

  /** Puts {@code waiters} back at the front of a key's queue, keeping their order. */
  void putFirst(int db, byte[] key, ArrayDeque<Waiter> waiters) {
    ArrayDeque<Waiter> q = byKey.computeIfAbsent(new WaitKey(db, key), k -> new ArrayDeque<>());
    java.util.Iterator<Waiter> back = waiters.descendingIterator();
    while (back.hasNext()) q.addFirst(back.next());
  }

  /** The queue of clients parked on a key, or null. */
  ArrayDeque<Waiter> queue(int db, byte[] key) {
    return byKey.get(new WaitKey(db, key));
  }

  void dropIfEmpty(int db, byte[] key) {
    WaitKey k = new WaitKey(db, key);
    ArrayDeque<Waiter> q = byKey.get(k);
    if (q != null && q.isEmpty()) byKey.remove(k);
  }

  /** Forgets a finished waiter's registrations for the given keys of this shard. */
  void remove(Waiter w, byte[][] keys) {
    for (byte[] key : keys) {
      WaitKey k = new WaitKey(w.db, key);
      ArrayDeque<Waiter> q = byKey.get(k);
      if (q == null) continue;
      q.remove(w);
      if (q.isEmpty()) byKey.remove(k);
    }
  }

  /** A snapshot of every key with parked clients (for writes that name no keys, like FLUSHALL). */
  java.util.List<WaitKey> keys() { return new java.util.ArrayList<>(byKey.keySet()); }

  /** Number of keys with parked clients (INFO's blocked_keys, per shard). */
  int keyCount() { return byKey.size(); }

  record WaitKey(int db, byte[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof WaitKey k && k.db == db && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
      return 31 * db + Arrays.hashCode(key);
    }
  }
}
