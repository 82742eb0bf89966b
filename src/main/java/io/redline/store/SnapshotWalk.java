package io.redline.store;

/**
 * The walk of one database's keys as they were when a snapshot began, a few buckets at a time.
 * It keeps the hash table the database had at that moment, even if FLUSHDB or SWAPDB has since
 * given the database another one, and uses the SCAN cursor, which visits every key present for
 * the whole walk even across resizes. Keys already preserved (or created after the start) carry
 * the snapshot's mark and are skipped, so each key reaches the sink once.
 */
public final class SnapshotWalk {
  private final Dict dict;
  private final int db;
  private final int epoch;
  private long cursor;
  private boolean done;
  private int visited;

  SnapshotWalk(Dict dict, int db, int epoch) {
    this.dict = dict;
    this.db = db;
    this.epoch = epoch;
  }

  public int db() { return db; }

  /** Keys in the table when the snapshot began (plus any added since: an upper bound for progress). */
  public int size() { return dict.size(); }

  public boolean done() { return done; }

  /**
   * Walks buckets until about {@code maxKeys} keys were looked at or the table ends; unsaved
   * keys go to {@code sink}. Returns how many keys it looked at.
   */
  public int step(int maxKeys, SnapshotSink sink) {
    visited = 0;
    while (!done && visited < maxKeys) {
      cursor = dict.scanStep(cursor, e -> {
        visited++;
        if (e.snapshotMark != epoch) {
          e.snapshotMark = epoch;
          sink.preserve(db, e);
        }
      });
      if (cursor == 0) done = true;
    }
    return visited;
  }
}
