package io.redline.shard;

/**
 * Work queued for a shard's data queue: runs on the shard's thread, in queue order.
 * A {@link MultiShardTx} is also a ShardTask: reaching it makes the shard hold.
 */
public abstract class ShardTask {
  /** Runs on the shard's own thread. */
  public abstract void run(Shard shard);
}
