package io.redline.store;

/**
 * Receives the keys of a point-in-time snapshot (a background save) in their state as of the
 * snapshot's start: each key exactly once, either when the snapshot's walk reaches it or just
 * before anything changes or removes it, whichever comes first. See {@link Database#beginSnapshot}.
 */
public interface SnapshotSink {
  /**
   * Writes {@code e}'s key, value and expiry now. {@code db} is the number the key's database had
   * when the snapshot began (SWAPDB may have moved it since). Runs on the thread that owns the
   * shard at that moment; must not change the table.
   */
  void preserve(int db, Entry e);
}
