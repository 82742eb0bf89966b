package io.redline.command;

/** Where a command executes; chosen per command at registration, next to its handler. */
public enum Route {
  /** No keys: runs at once on the connection's own loop (PING, CLIENT, CONFIG...). */
  CONNECTION,
  /** On the shard(s) owning the keys its key specs name; atomically across shards. */
  KEYS,
  /** Holds every shard, as one atomic step (DBSIZE, KEYS, FLUSHALL, SWAPDB...). */
  ALL_SHARDS,
  /**
   * A script (an {@link OffLoopCommand}): holds the shards of the keys it declares (the
   * connection's own shard when none) and takes any other shard the moment it touches one of its
   * keys, keeping it to the end. Inside MULTI it holds every shard, like ALL_SHARDS.
   */
  SCRIPT,
  /** On the one shard the handler's {@link ShardChooser} names (SCAN follows its cursor). */
  CHOSEN_SHARD
}
