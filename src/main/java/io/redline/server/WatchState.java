package io.redline.server;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's WATCH since its last EXEC/DISCARD/UNWATCH: the keys it watches and whether any of
 * them has been touched. Keys are added on the threads of their shards, the flag is set by any
 * shard and read by EXEC while it holds every watched key's shard. A fresh instance replaces it
 * after each unwatch, so late removals of the old one can never hit new watches.
 */
final class WatchState {
  record WatchedKey(int shard, int db, byte[] key, boolean existed) {}

  volatile boolean dirty;
  private final List<WatchedKey> keys = new ArrayList<>();

  synchronized void add(WatchedKey k) { keys.add(k); }

  synchronized List<WatchedKey> keys() { return new ArrayList<>(keys); }

  synchronized boolean isEmpty() { return keys.isEmpty(); }
}
