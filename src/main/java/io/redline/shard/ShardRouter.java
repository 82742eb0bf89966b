package io.redline.shard;

import io.redline.util.Crc16;

/**
 * Maps a key to its shard: key → hash slot (CRC16 of the key or its {hash tag}, mod 16384) → shard.
 * Slots are dealt to shards in contiguous ranges, as Redis Cluster deals them to nodes.
 */
public final class ShardRouter {
  public static final int SLOTS = 16384;
  private final Shard[] shards;
  private final short[] slotToShard = new short[SLOTS];
  private final Scope[] singleScopes;

  public ShardRouter(Shard[] shards) {
    this.shards = shards;
    int n = shards.length;
    for (int slot = 0; slot < SLOTS; slot++) slotToShard[slot] = (short) ((long) slot * n / SLOTS);
    singleScopes = new Scope[n];
    for (int i = 0; i < n; i++) singleScopes[i] = Scope.single(this, shards[i]);
  }

  public int shardCount() { return shards.length; }
  public Shard shard(int i) { return shards[i]; }
  public Shard[] shards() { return shards; }

  /** The scope of a command that runs on shard {@code i} alone; use only on that shard's thread. */
  public Scope scopeOf(int i) { return singleScopes[i]; }

  public int shardOfSlot(int slot) { return slotToShard[slot]; }

  public int shardOf(byte[] key, int off, int len) {
    if (shards.length == 1) return 0;
    return slotToShard[Crc16.keySlot(key, off, len)];
  }

  public int shardOf(byte[] key) { return shardOf(key, 0, key.length); }
}
