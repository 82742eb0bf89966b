package io.redline.shard;

import io.netty.channel.EventLoop;
import io.redline.store.Database;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * A shard: the data of a share of the hash slots (all databases), owned by one event loop.
 *
 * <p>Only the owning loop's thread touches the databases, except a multi-shard transaction's
 * coordinator while this shard {@linkplain #holding() holds} for it. Other threads reach the shard
 * through two lock-free MPSC queues:
 * <ul>
 *   <li>the data queue: commands for its keys and multi-shard schedule markers, run strictly in
 *       order; it stops draining while the shard holds for a transaction;</li>
 *   <li>the control queue: replies to this loop's connections, transaction ready/release
 *       messages — always drained, so a holding shard can still be released and its loop's
 *       connections still get their replies.</li>
 * </ul>
 * A producer wakes the loop only when no drain is already scheduled, and each wake drains a batch.
 */
public final class Shard {
  private static final int DATA_BATCH = 4096;

  private final int index;
  private final Database[] databases;
  private final MpscUnboundedXaddArrayQueue<ShardTask> data = new MpscUnboundedXaddArrayQueue<>(1024);
  private final MpscUnboundedXaddArrayQueue<Runnable> control = new MpscUnboundedXaddArrayQueue<>(1024);
  private final AtomicBoolean wakeScheduled = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  private final ShardStats stats = new ShardStats();
  /** What this shard's keys occupy (io.redline.memory); eviction keeps it within the shard's budget. */
  private final io.redline.memory.MemoryAccount memory = new io.redline.memory.MemoryAccount();
  /** Runs on each timer tick after active expiry: settles the account and evicts (set by the memory manager). */
  private volatile Runnable memoryTick = () -> {};
  private volatile EventLoop loop;
  private java.util.function.IntSupplier hz = () -> 10;
  private MultiShardTx holding;
  /** The running script waiting to take this shard late once {@link #holding} (started) releases it. */
  private MultiShardTx lateWaiter;
  private java.util.concurrent.CompletableFuture<MultiShardTx> lateGrant;
  /** Who else hears of expiries, flushes and swaps on this shard (WATCH); set once at start-up. */
  private volatile Database.KeyEvents listener = (db, key) -> {};

  public void keyEvents(Database.KeyEvents l) { this.listener = l; }

  /** Keyspace notifications of this shard's expiries and key misses; set once at start-up. */
  private volatile Database.KeyEvents notifications = (db, key) -> {};

  public void notifications(Database.KeyEvents n) { this.notifications = n; }

  /** The AOF hears of expired and evicted keys (logged as DEL); set once at start-up. */
  private volatile Database.KeyEvents aofEvents = (db, key) -> {};

  public void aofEvents(Database.KeyEvents a) { this.aofEvents = a; }

  /** Client-side caching hears of expired and evicted keys (invalidations); set once at start-up. */
  private volatile Database.KeyEvents trackingEvents = (db, key) -> {};

  public void trackingEvents(Database.KeyEvents t) { this.trackingEvents = t; }

  public Shard(int index, int databaseCount) {
    this.index = index;
    this.databases = new Database[databaseCount];
    Database.KeyEvents events = new Database.KeyEvents() {
      @Override
      public void expired(Database db, byte[] key) {
        stats.expiredKeys++;
        listener.expired(db, key);
        aofEvents.expired(db, key);
        trackingEvents.expired(db, key);
        notifications.expired(db, key);
      }

      @Override
      public void missed(Database db, byte[] buf, int off, int len) { notifications.missed(db, buf, off, len); }

      @Override
      public void beforeClear(Database db) { listener.beforeClear(db); }

      @Override
      public void swapped(Database a, Database b) { listener.swapped(a, b); }
    };
    for (int i = 0; i < databaseCount; i++) databases[i] = new Database(i, events, memory);
  }

  public io.redline.memory.MemoryAccount memory() { return memory; }

  public void memoryTick(Runnable tick) { this.memoryTick = tick; }

  /**
   * Deletes a key to free memory (maxmemory): counted in evicted_keys and, like an expiry,
   * invalidates WATCHes on it. The caller fires the "evicted" keyspace event.
   */
  public void evict(Database db, io.redline.store.Entry e) {
    db.delete(e);
    stats.evictedKeys++;
    listener.expired(db, e.key());
    aofEvents.expired(db, e.key());
    trackingEvents.expired(db, e.key());
  }

  public int index() { return index; }
  public Database database(int i) { return databases[i]; }
  public int databaseCount() { return databases.length; }
  public ShardStats stats() { return stats; }
  public EventLoop loop() { return loop; }

  /** Binds the shard to its event loop and starts its active-expiry timer, run {@code hz} times a second. */
  public void bind(EventLoop eventLoop, java.util.function.IntSupplier hz) {
    this.loop = eventLoop;
    this.hz = hz;
    scheduleExpiry();
  }

  private void scheduleExpiry() {
    // Re-read each time: CONFIG SET hz takes effect at the next tick.
    long period = Math.max(1, 1000 / Math.max(1, hz.getAsInt()));
    loop.schedule(() -> {
      activeExpireCycle();
      scheduleExpiry();
    }, period, TimeUnit.MILLISECONDS);
  }

  public boolean inLoop() { return loop.inEventLoop(); }

  /** True when commands for this shard may run right now on the calling thread. */
  public boolean canRunInline() { return holding == null && loop.inEventLoop(); }

  MultiShardTx holding() { return holding; }

  /** Queues work behind everything already queued for this shard. Any thread. */
  public void submit(ShardTask task) {
    data.offer(task);
    wake();
  }

  /** Queues a control message: runs on this loop even while the shard holds. Any thread. */
  public void control(Runnable message) {
    control.offer(message);
    wake();
  }

  /** Like {@link #control} but runs at once when already on this loop. */
  public void controlOrRun(Runnable message) {
    if (loop.inEventLoop()) message.run();
    else control(message);
  }

  void offerWithoutWake(ShardTask task) { data.offer(task); }

  void wake() {
    if (wakeScheduled.compareAndSet(false, true)) loop.execute(drainTask);
  }

  private void drain() {
    wakeScheduled.set(false);
    control.drain(Runnable::run);
    int budget = DATA_BATCH;
    while (holding == null && budget-- > 0) {
      ShardTask t = data.relaxedPoll();
      if (t == null) {
        if (data.isEmpty()) break;
        continue; // a producer is mid-offer; spin briefly
      }
      if (t instanceof MultiShardTx tx) {
        holding = tx;
        tx.shardReady(this);
      } else {
        t.run(this);
      }
      control.drain(Runnable::run);
    }
    if (holding == null && !data.isEmpty()) wake();
    else if (!control.isEmpty()) wake();
  }

  /** Called on this loop when the transaction this shard held for has finished. */
  void release(MultiShardTx tx) {
    if (holding != tx) throw new IllegalStateException("shard " + index + " released by a transaction it does not hold");
    holding = null;
    if (lateWaiter != null) { // the running script goes before anything queued
      holding = lateWaiter;
      lateWaiter = null;
      lateGrant.complete(null);
      lateGrant = null;
      return;
    }
    if (!data.isEmpty()) wake();
  }

  /**
   * On this loop: the running script asks for this shard mid-run ({@link MultiShardTx#acquireLate}).
   * Completes {@code granted} with the transaction that lent the shard, or null when the script
   * now holds it itself.
   */
  void lateRequest(MultiShardTx script, java.util.concurrent.CompletableFuture<MultiShardTx> granted) {
    if (holding == script || lateWaiter != null) throw new IllegalStateException("shard " + index + ": late request out of turn");
    if (holding == null) {
      holding = script;
      granted.complete(null);
    } else if (holding.lend()) {
      granted.complete(holding);
    } else {
      lateWaiter = script;
      lateGrant = granted;
    }
  }

  private void activeExpireCycle() {
    if (holding != null) return;
    long now = System.currentTimeMillis();
    long deadline = System.nanoTime() + 1_000_000; // ~1 ms per 100 ms tick: Redis's 25% CPU cap is far above
    for (Database db : databases) {
      if (db.expiring() == 0) continue;
      // Redis's rule: keep sampling while more than a quarter of the sample had expired.
      while (db.activeExpire(now, 20) > 5 && System.nanoTime() < deadline) {
        // repeat
      }
    }
    memoryTick.run();
  }
}
