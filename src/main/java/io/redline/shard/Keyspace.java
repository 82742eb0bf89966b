package io.redline.shard;

import io.redline.protocol.Args;
import io.redline.store.Database;
import io.redline.store.Entry;

/**
 * One numbered database as a command sees it: a single shard's table, or, for a command that
 * holds several shards, the tables of all of them with each key routed to its own shard.
 */
public final class Keyspace {
  private final ShardRouter router;
  private final Database single;
  private final Database[] byShard;
  private final int dbIndex;

  Keyspace(Database single, int dbIndex) {
    this.router = null;
    this.single = single;
    this.byShard = null;
    this.dbIndex = dbIndex;
  }

  Keyspace(ShardRouter router, Database[] byShard, int dbIndex) {
    this.router = router;
    this.single = null;
    this.byShard = byShard;
    this.dbIndex = dbIndex;
  }

  public int index() { return dbIndex; }

  public Database db(byte[] key, int off, int len) {
    if (single != null) return single;
    Database d = byShard[router.shardOf(key, off, len)];
    if (d == null) throw new IllegalStateException("key of a shard this command does not hold");
    return d;
  }

  public Database db(byte[] key) { return db(key, 0, key.length); }

  public Entry lookup(Args a, int i, long now) {
    byte[] b = a.buffer();
    return db(b, a.offset(i), a.length(i)).lookup(b, a.offset(i), a.length(i), now);
  }

  /** Lookup for a read: also counts a keyspace hit or miss. */
  public Entry lookupRead(Args a, int i, long now) {
    byte[] b = a.buffer();
    return db(b, a.offset(i), a.length(i)).lookupRead(b, a.offset(i), a.length(i), now);
  }

  public Entry lookup(byte[] key, long now) { return db(key).lookup(key, 0, key.length, now); }

  public Entry add(byte[] key, Object value) { return db(key).add(key, value); }

  public void delete(Entry e) { db(e.key()).delete(e); }

  public void setExpire(Entry e, long at) { db(e.key()).setExpire(e, at); }

  /** The held databases, one per shard (just one for a single-shard command). */
  public void forEachDatabase(java.util.function.Consumer<Database> action) {
    if (single != null) {
      action.accept(single);
      return;
    }
    for (Database d : byShard) if (d != null) action.accept(d);
  }

  public long size() {
    long[] n = {0};
    forEachDatabase(d -> n[0] += d.size());
    return n[0];
  }
}
