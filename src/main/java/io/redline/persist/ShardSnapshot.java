package io.redline.persist;

import io.redline.shard.Shard;
import io.redline.shard.ShardTask;
import io.redline.store.Entry;
import io.redline.store.SnapshotSink;
import io.redline.store.SnapshotWalk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One shard's part of a {@link BackgroundSave}. Started while every shard is held (so all shards
 * take their point in time at the same instant); then it walks the shard's tables in slices of
 * about half a millisecond, each slice a task in the shard's own data queue, so commands queued
 * meanwhile run between slices. A key a command is about to change is written first, by the
 * database's snapshot hook ({@link #preserve}), so the file holds every key as it was at the
 * start, whatever happens during the walk.
 *
 * <p>Touched only by whoever owns the shard: its loop for the walk, a transaction's coordinator
 * (holding the shard) for hooks.
 */
final class ShardSnapshot extends ShardTask implements SnapshotSink {
  private static final long SLICE_NANOS = 500_000;
  private static final int KEYS_PER_STEP = 32;
  private static final int CHUNK_BYTES = 256 * 1024;

  private final Shard shard;
  private final BackgroundSave save;
  private final List<SnapshotWalk> walks = new ArrayList<>();
  private final RdbOutput out;
  private final ValueEncoder encoder = new ValueEncoder();
  private final long keyDelayMicros;
  private int walkIndex;
  private int currentDb = -1;
  private boolean finished;

  /** Begins the snapshot on every database of {@code shard}; the caller holds the shard. */
  ShardSnapshot(Shard shard, BackgroundSave save, boolean compress, int epoch, long keyDelayMicros) {
    this.shard = shard;
    this.save = save;
    this.keyDelayMicros = keyDelayMicros;
    this.out = new RdbOutput(CHUNK_BYTES + 4096, compress);
    // Every database gets the hook, empty ones too: SWAPDB may move a table being saved into one.
    for (int db = 0; db < shard.databaseCount(); db++) {
      SnapshotWalk w = shard.database(db).beginSnapshot(this, epoch);
      if (w.size() > 0) walks.add(w);
    }
  }

  /** Queues the first slice; the shard runs it once the starting transaction releases it. */
  void start() { shard.submit(this); }

  @Override
  public void preserve(int db, Entry e) {
    if (save.aborted()) return;
    int mark = out.size();
    try {
      if (db != currentDb) {
        out.writeByte(RdbTypes.OPCODE_SELECTDB);
        out.writeLength(db);
        currentDb = db;
      }
      encoder.writeEntry(out, e.key(), e.value(), e.expireAt());
    } catch (RuntimeException x) {
      // A value nothing can encode (a module type without a codec): the save fails, never the
      // command that happened to touch the key.
      out.truncate(mark);
      save.fail("cannot save key '" + new String(e.key(), java.nio.charset.StandardCharsets.UTF_8) + "': " + x.getMessage());
      return;
    }
    save.keysDone.increment();
    if (out.size() >= CHUNK_BYTES) flush();
  }

  private void flush() {
    if (out.size() > 0) save.enqueue(out.toByteArray());
    out.reset();
    currentDb = -1; // the next chunk may follow another shard's: it selects its database again
  }

  /** One slice of the walk, on the shard's loop. */
  @Override
  public void run(Shard s) {
    try {
      slice();
    } catch (RuntimeException x) {
      save.fail("background save failed on shard " + shard.index() + ": " + x);
      finish();
    }
  }

  private void slice() {
    if (save.aborted()) {
      finish();
      return;
    }
    if (save.backlogged()) {
      shard.loop().schedule(() -> shard.submit(this), 1, TimeUnit.MILLISECONDS);
      return;
    }
    if (keyDelayMicros > 0) { // rdb-key-save-delay: a key per slice, the pause between slices (the loop never sleeps)
      if (walkIndex < walks.size()) {
        SnapshotWalk w = walks.get(walkIndex);
        w.step(1, this);
        if (w.done()) walkIndex++;
      }
      if (walkIndex < walks.size()) shard.loop().schedule(() -> shard.submit(this), keyDelayMicros, TimeUnit.MICROSECONDS);
      else finish();
      return;
    }
    long deadline = System.nanoTime() + SLICE_NANOS;
    while (walkIndex < walks.size()) {
      SnapshotWalk w = walks.get(walkIndex);
      w.step(KEYS_PER_STEP, this);
      if (w.done()) walkIndex++;
      if (System.nanoTime() >= deadline) break;
    }
    if (walkIndex < walks.size()) shard.submit(this);
    else finish();
  }

  private void finish() {
    if (finished) return;
    finished = true;
    for (int db = 0; db < shard.databaseCount(); db++) shard.database(db).endSnapshot();
    flush();
    save.shardDone();
  }

}
