package io.redline.aof;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The AOF's one writer thread. Any thread appends encoded commands under a short lock; the
 * writer takes everything appended so far in one go, writes it to the current incr file and,
 * under {@code appendfsync always}, forces it to disk before it releases the replies that were
 * waiting for it (group commit: one fsync covers every command appended before it started).
 *
 * <p>Order: appends happen right after a command executed, on the thread that ran it and while it
 * still owned the keys (a shard's thread, or a coordinator holding every shard involved), so the
 * byte order of the log is an order in which the commands could have run.
 */
final class AofWriter {
  private static final Logger LOG = Logger.getLogger("redline");

  /** A switch to another incr file (BGREWRITEAOF): what was appended before goes to the old one. */
  record Rotate(Path file, Runnable afterOpen) {}

  private record Waiter(long offset, Executor executor, Runnable action) {}

  /**
   * Under everysec and no, the writer lets this long pass after it wakes before it takes what was
   * appended: commands arrive one by one, and a write (and a wake-up) per command cost the event
   * loops more than the commands did. Redis likewise writes its AOF buffer once per event-loop
   * round, not per command.
   */
  private static final long GATHER_NANOS = 500_000;

  private final Object lock = new Object();
  /** The writer is waiting for work: an append must wake it (only the first one after it slept). */
  private boolean writerIdle;
  private byte[] pending = new byte[64 * 1024];
  private int pendingLength;
  /** Sealed work in order: byte[] segments and Rotate markers. */
  private final ArrayDeque<Object> sealed = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  /** Bytes ever appended / written to the OS / forced to disk (counted across files). */
  private long appended;
  private volatile long written;
  private volatile long synced;
  private volatile boolean stopping;
  private volatile String fsyncPolicy;
  private volatile boolean lastWriteOk = true;
  private volatile long lastFsyncMillis = System.currentTimeMillis();
  private final Consumer<Path> onRotated;
  private FileChannel channel;
  private long fileSize;
  private final Thread thread;

  /** Starts writing to the end of {@code file} (created if absent). */
  AofWriter(Path file, String fsyncPolicy, Consumer<Path> onRotated) throws IOException {
    this.fsyncPolicy = fsyncPolicy;
    this.onRotated = onRotated;
    open(file);
    this.thread = new Thread(this::run, "redline-aof");
    thread.setDaemon(true);
    thread.start();
  }

  private void open(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    fileSize = channel.size();
  }

  void fsyncPolicy(String policy) { this.fsyncPolicy = policy; }

  boolean lastWriteOk() { return lastWriteOk; }

  /** Size of the incr file being written (what the OS has). */
  long currentFileSize() { return fileSize; }

  /** Bytes appended but not yet handed to the OS (INFO aof_buffer_length). */
  long buffered() {
    synchronized (lock) {
      return appended - written;
    }
  }

  /** Appends encoded commands; {@code len} bytes of {@code b}. Any thread. */
  void append(byte[] b, int len) {
    synchronized (lock) {
      if (pendingLength + len > pending.length) pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
      System.arraycopy(b, 0, pending, pendingLength, len);
      pendingLength += len;
      appended += len;
      if (writerIdle) {
        writerIdle = false;
        lock.notify();
      }
    }
  }

  /** Everything appended from now on goes to {@code r.file()}; what came before, to the current file. */
  void rotate(Rotate r) {
    synchronized (lock) {
      seal();
      sealed.add(r);
      lock.notify();
    }
  }

  private void seal() {
    if (pendingLength == 0) return;
    sealed.add(Arrays.copyOf(pending, pendingLength));
    pendingLength = 0;
    if (pending.length > (1 << 20)) pending = new byte[64 * 1024]; // don't keep a burst's buffer forever
  }

  /**
   * appendfsync always: if anything appended so far is not yet on disk, runs {@code action} on
   * {@code executor} once it is and returns true (the caller holds its replies until then).
   */
  boolean holdUntilDurable(Executor executor, Runnable action) {
    synchronized (lock) {
      if (synced >= appended) return false;
      waiters.add(new Waiter(appended, executor, action));
      lock.notify();
      return true;
    }
  }

  private void run() {
    while (true) {
      List<Object> work = new ArrayList<>();
      long upTo;
      boolean waited;
      boolean gather;
      synchronized (lock) {
        while (pendingLength == 0 && sealed.isEmpty() && !stopping && !fsyncDue()) {
          writerIdle = true;
          try {
            lock.wait(everysec() ? 1000 : 0);
          } catch (InterruptedException e) {
            return;
          } finally {
            writerIdle = false;
          }
        }
        gather = waiters.isEmpty() && !stopping && sealed.isEmpty() && !"always".equals(fsyncPolicy);
      }
      if (gather) java.util.concurrent.locks.LockSupport.parkNanos(GATHER_NANOS);
      synchronized (lock) {
        seal();
        work.addAll(sealed);
        sealed.clear();
        upTo = appended;
        waited = !waiters.isEmpty();
        if (work.isEmpty() && stopping) break;
      }
      try {
        for (Object item : work) {
          if (item instanceof byte[] bytes) {
            writeFully(bytes);
            written += bytes.length;
          } else {
            Rotate r = (Rotate) item;
            channel.force(false); // the old file is complete before the new one is used
            channel.close();
            open(r.file());
            if (r.afterOpen() != null) r.afterOpen().run();
            onRotated.accept(r.file());
          }
        }
        lastWriteOk = true;
        String policy = fsyncPolicy;
        if (waited || policy.equals("always") || (policy.equals("everysec") && System.currentTimeMillis() - lastFsyncMillis >= 1000)) {
          if (synced < upTo) channel.force(false);
          lastFsyncMillis = System.currentTimeMillis();
          synced = upTo;
        } else if (policy.equals("no")) {
          synced = upTo; // the OS has it: as durable as this policy promises
        }
      } catch (IOException e) {
        lastWriteOk = false;
        LOG.warning("Error writing to the AOF file: " + e.getMessage());
        if ("always".equals(fsyncPolicy)) {
          // As Redis: a reply already promised durability it can no longer give.
          LOG.severe("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
          Runtime.getRuntime().halt(1);
        }
        sleepQuietly();
      }
      releaseWaiters();
    }
    try {
      channel.force(false);
      channel.close();
    } catch (IOException e) {
      LOG.warning("Error closing the AOF file: " + e.getMessage());
    }
    synced = written;
    releaseWaiters();
  }

  private boolean everysec() { return "everysec".equals(fsyncPolicy); }

  private boolean fsyncDue() {
    return (everysec() && synced < written && System.currentTimeMillis() - lastFsyncMillis >= 1000)
        || (!waiters.isEmpty() && synced < appended);
  }

  private void writeFully(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) fileSize += channel.write(b);
  }

  private void releaseWaiters() {
    List<Waiter> ready = new ArrayList<>();
    synchronized (lock) {
      long s = synced;
      waiters.removeIf(w -> {
        if (w.offset() <= s) {
          ready.add(w);
          return true;
        }
        return false;
      });
    }
    for (Waiter w : ready) w.executor().execute(w.action());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes and forces everything appended so far, closes the file and ends the thread. */
  void close() {
    synchronized (lock) {
      stopping = true;
      lock.notify();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until everything appended before the call is written and forced (BGREWRITEAOF's end, tests). */
  void sync() {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    synchronized (lock) {
      waiters.add(new Waiter(appended, Runnable::run, done::countDown));
      lock.notify();
    }
    try {
      done.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
