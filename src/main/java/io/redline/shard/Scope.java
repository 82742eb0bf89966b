package io.redline.shard;

import io.redline.store.Database;

/**
 * The shards a running command may touch: one (the common case), the set a multi-shard
 * transaction holds, or — for a script — a set that grows as it touches keys it did not declare.
 * Hands out {@link Keyspace} views per database number.
 */
public final class Scope {
  private final ShardRouter router;
  private final Shard[] held;      // by shard index; null where not held
  private final Keyspace[] views;  // per database number, made on first use
  /** The script's transaction that takes more shards on demand; null for a fixed scope. */
  private final MultiShardTx growing;

  private Scope(ShardRouter router, Shard[] held, int databases, MultiShardTx growing) {
    this.router = router;
    this.held = held;
    this.views = new Keyspace[databases];
    this.growing = growing;
  }

  public static Scope single(ShardRouter router, Shard shard) {
    Shard[] held = new Shard[router.shardCount()];
    held[shard.index()] = shard;
    return new Scope(router, held, shard.databaseCount(), null);
  }

  /** No shard at all: what a command without keys may touch (CONNECTION route). */
  public static Scope none(ShardRouter router) {
    return new Scope(router, new Shard[router.shardCount()], 0, null);
  }

  public static Scope of(ShardRouter router, Shard[] involved) {
    return new Scope(router, heldArray(router, involved), involved[0].databaseCount(), null);
  }

  /** The scope of a worker transaction (a script): starts with its shards, {@link #take}s more as it goes. */
  public static Scope growing(ShardRouter router, MultiShardTx tx) {
    return new Scope(router, heldArray(router, tx.involved()), tx.involved()[0].databaseCount(), tx);
  }

  private static Shard[] heldArray(ShardRouter router, Shard[] involved) {
    Shard[] held = new Shard[router.shardCount()];
    for (Shard s : involved) held[s.index()] = s;
    return held;
  }

  public boolean holds(int shardIndex) { return held[shardIndex] != null; }
  public Shard shard(int shardIndex) { return held[shardIndex]; }
  public ShardRouter router() { return router; }

  /** Whether {@link #take} can add shards (a script running on the worker). */
  public boolean canGrow() { return growing != null; }

  /**
   * Takes every shard marked in {@code needed} that is not held yet, before a script's command
   * touches them; it keeps them to the end of the script. Worker thread only; may wait briefly.
   */
  public void take(boolean[] needed) {
    boolean grew = false;
    for (int i = 0; i < needed.length; i++) {
      if (!needed[i] || held[i] != null) continue;
      Shard s = router.shard(i);
      growing.acquireLate(s);
      held[i] = s;
      grew = true;
    }
    if (grew) java.util.Arrays.fill(views, null);
  }

  public Keyspace keyspace(int db) {
    Keyspace k = views[db];
    if (k == null) {
      int count = 0;
      Shard only = null;
      for (Shard s : held) if (s != null) { count++; only = s; }
      if (count == 1 && growing == null) {
        k = new Keyspace(only.database(db), db);
      } else {
        // A growing scope always routes by key: a key of a shard not taken must fail, not land here.
        Database[] dbs = new Database[held.length];
        for (int i = 0; i < held.length; i++) if (held[i] != null) dbs[i] = held[i].database(db);
        k = new Keyspace(router, dbs, db);
      }
      views[db] = k;
    }
    return k;
  }
}
