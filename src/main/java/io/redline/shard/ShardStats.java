package io.redline.shard;

/**
 * Counters kept by one shard's thread. Read by INFO from other threads without locks: values may
 * be a moment stale, never torn in a way that matters for statistics.
 */
public final class ShardStats {
  public volatile long expiredKeys;
  public volatile long dirty;

  public void reset() {
    expiredKeys = 0;
  }
}
