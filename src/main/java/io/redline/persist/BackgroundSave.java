package io.redline.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One BGSAVE in progress: the shards each serialise their part ({@link ShardSnapshot}) into
 * chunks, and one writer thread appends the chunks to a temporary file in arrival order, then
 * ends and renames it when every shard is done. Chunks hold whole key records and each starts
 * with SELECTDB, so shards' chunks may interleave freely (Redis's loader accepts any number of
 * SELECTDB opcodes). The event loops never touch the file.
 */
final class BackgroundSave {
  private static final Logger LOG = Logger.getLogger("redline");
  private static final Object FINISH = new Object();
  /** Chunks queued for the writer past this many bytes make the shards' walks pause (disk slower than CPU). */
  private static final long BACKLOG_LIMIT = 64L << 20;

  /** How a save ended, for the owner's bookkeeping. */
  record Outcome(boolean ok, boolean cancelled, long startMillis, long endMillis, long dirtyAtStart, String error) {}

  final long startMillis = System.currentTimeMillis();
  final long dirtyAtStart;
  final long keysTotal;
  final LongAdder keysDone = new LongAdder();
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicInteger shardsLeft;
  private volatile boolean aborted;
  private volatile String abortReason;
  private volatile boolean failed; // an error, as opposed to a deliberate abort
  private final Thread writer;

  /**
   * Starts the writer thread, which creates {@code dir/tempName} and writes {@code header} (magic,
   * aux fields, resize hints) before any shard's chunk. {@code onDone} runs on the writer thread.
   */
  BackgroundSave(Path dir, String fileName, String tempName, byte[] header, int shards, long keysTotal,
                 long dirtyAtStart, boolean checksum, Consumer<Outcome> onDone) {
    this.keysTotal = keysTotal;
    this.dirtyAtStart = dirtyAtStart;
    this.shardsLeft = new AtomicInteger(shards);
    enqueue(header);
    this.writer = new Thread(() -> writeAll(dir, fileName, tempName, checksum, onDone), "redline-bgsave");
    writer.setDaemon(true);
    writer.start();
  }

  boolean aborted() { return aborted; }

  /**
   * Asks the shards to stop and the writer to delete its temporary file. Any thread. Once this
   * returns the file can no longer be renamed into place (a rename in progress is waited for), so
   * a save made after it always has the last word (FLUSHALL, SHUTDOWN).
   */
  void abort(String why) {
    synchronized (this) {
      if (!aborted) abortReason = why;
      aborted = true;
    }
  }

  /** Stops the save because something went wrong (an I/O error, a value that cannot be written). */
  void fail(String why) {
    failed = true;
    abort(why);
  }

  /** True while the writer is far enough behind that walks should wait. */
  boolean backlogged() { return backlog.get() > BACKLOG_LIMIT; }

  /** A shard's finished chunk. Any thread. */
  void enqueue(byte[] chunk) {
    backlog.addAndGet(chunk.length);
    queue.add(chunk);
  }

  /** A shard has written its last chunk (or stopped after an abort). */
  void shardDone() {
    if (shardsLeft.decrementAndGet() == 0) queue.add(FINISH);
  }

  /** Waits for the writer to finish (tests, shutdown). */
  void join(long millis) throws InterruptedException { writer.join(millis); }

  private void writeAll(Path dir, String fileName, String tempName, boolean checksum, Consumer<Outcome> onDone) {
    RdbFile file = null;
    String error = null;
    try {
      file = RdbFile.create(dir, fileName, tempName);
    } catch (IOException e) {
      error = "Failed opening the temp RDB file " + tempName + " (in server root dir " + dir + ") for saving: " + e.getMessage();
      fail(error);
    }
    try {
      while (true) {
        Object item = queue.take();
        if (item == FINISH) break;
        byte[] chunk = (byte[]) item;
        backlog.addAndGet(-chunk.length);
        if (aborted || file == null) continue; // drain until every shard has stopped
        try {
          file.write(chunk, 0, chunk.length);
        } catch (IOException e) {
          error = "Write error saving DB on disk: " + e.getMessage();
          fail(error);
        }
      }
      synchronized (this) {
        if (!aborted && file != null) {
          try {
            file.commit(checksum);
          } catch (IOException e) {
            error = "Write error saving DB on disk: " + e.getMessage();
            failed = true;
            aborted = true;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
      failed = true;
      aborted = true;
    } catch (RuntimeException e) {
      error = "unexpected error: " + e;
      LOG.log(Level.WARNING, "background save failed", e);
      failed = true;
      aborted = true;
    }
    if (aborted && file != null) file.abandon();
    if (error == null && aborted) error = abortReason == null ? "aborted" : abortReason;
    onDone.accept(new Outcome(!aborted, aborted && !failed, startMillis, System.currentTimeMillis(), dirtyAtStart, error));
  }
}
