package io.redline.shard;

import io.redline.store.Database;

/**
 * The shards a running command may touch: one (the common case), or the set a multi-shard
 * transaction holds. Hands out {@link Keyspace} views per database number.
 */
public final class Scope {
  private final ShardRouter router;
  private final Shard[] held;      // by shard index; null where not held
  private final Keyspace[] views;  // per database number, made on first use

  private Scope(ShardRouter router, Shard[] held, int databases) {
    this.router = router;
    this.held = held;
    this.views = new Keyspace[databases];
  }

  public static Scope single(ShardRouter router, Shard shard) {
    Shard[] held = new Shard[router.shardCount()];
    held[shard.index()] = shard;
    return new Scope(router, held, shard.databaseCount());
  }

  public static Scope of(ShardRouter router, Shard[] involved) {
    Shard[] held = new Shard[router.shardCount()];
    for (Shard s : involved) held[s.index()] = s;
    return new Scope(router, held, involved[0].databaseCount());
  }

  public boolean holds(int shardIndex) { return held[shardIndex] != null; }
  public Shard shard(int shardIndex) { return held[shardIndex]; }
  public ShardRouter router() { return router; }

  public Keyspace keyspace(int db) {
    Keyspace k = views[db];
    if (k == null) {
      int count = 0;
      Shard only = null;
      for (Shard s : held) if (s != null) { count++; only = s; }
      if (count == 1) {
        k = new Keyspace(only.database(db), db);
      } else {
        Database[] dbs = new Database[held.length];
        for (int i = 0; i < held.length; i++) if (held[i] != null) dbs[i] = held[i].database(db);
        k = new Keyspace(router, dbs, db);
      }
      views[db] = k;
    }
    return k;
  }
}
