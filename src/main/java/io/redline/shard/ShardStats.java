package io.redline.shard;

/**
 * Counters kept by one shard's thread. Read by INFO from other threads without locks: values may
 * be a moment stale, never torn in a way that matters for statistics.
 */
public final class ShardStats {
  public volatile long expiredKeys;
  public volatile long dirty;
  /** Keys deleted to stay within maxmemory (INFO evicted_keys). */
  public volatile long evictedKeys;

  public void reset() {
    expiredKeys = 0;
    evictedKeys = 0;
  }
}
