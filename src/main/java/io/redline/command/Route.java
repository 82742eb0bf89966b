package io.redline.command;

/** Where a command executes; chosen per command at registration, next to its handler. */
public enum Route {
  /** No keys: runs at once on the connection's own loop (PING, CLIENT, CONFIG...). */
  CONNECTION,
  /** On the shard(s) owning the keys its key specs name; atomically across shards. */
  KEYS,
  /** Holds every shard, as one atomic step (DBSIZE, KEYS, FLUSHALL, SWAPDB...). */
  ALL_SHARDS,
  /** On the one shard the handler's {@link ShardChooser} names (SCAN follows its cursor). */
  CHOSEN_SHARD
}
