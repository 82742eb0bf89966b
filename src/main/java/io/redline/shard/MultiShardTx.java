package io.redline.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A unit of work over keys of several shards, made atomic by holding every involved shard.
 *
 * <p>Life cycle: the {@link TxScheduler} puts the same transaction into each involved shard's
 * data queue, in one global order. Each shard that reaches it stops draining its data queue and
 * reports ready to the coordinator (the loop of the connection that issued it) through the
 * coordinator's control queue. When all are ready, the body runs against the held shards'
 * databases, then they are released. No thread ever waits: a holding shard simply leaves its
 * queue alone, and the global order means no two transactions can each hold what the other needs.
 *
 * <p>A transaction whose body runs on the script worker (one thread: scripts run one at a time)
 * may also {@linkplain #acquireLate take shards it was not scheduled on} while it runs: a script
 * touching keys it did not declare. That breaks the global order, so it is kept deadlock-free by
 * what such a request may wait for. A free shard is taken at once. A shard held by a transaction
 * that has not started its body is <em>lent</em>: the holder keeps its place but cannot start
 * until the loan is given back. A shard held by a started transaction is waited for; a started
 * body never waits for anything (only the one running script can take shards late), so it ends.
 */
public final class MultiShardTx extends ShardTask {
  /** {@link #state}: the body has started (or is about to); no more loans. */
  private static final int STARTED = -1;
  /** {@link #state} bit: every involved shard has reported ready. */
  private static final int ALL_READY = 1;
  /** {@link #state}: one loan of a held shard to the running script counts this much. */
  private static final int LOAN = 2;

  private final Shard coordinator;
  private final Shard[] involved;
  private final Runnable body;
  private final Consumer<MultiShardTx> workerBody;
  private final Executor worker;
  private final AtomicInteger state = new AtomicInteger();
  private int ready; // touched only on the coordinator's thread
  /** Shards taken late, and for each the transaction that lent it (null: it was free or freed). Worker thread only. */
  private List<Shard> lateShards;
  private List<MultiShardTx> lenders;
  long id;

  public MultiShardTx(Shard coordinator, Shard[] involved, Runnable body) {
    this.coordinator = coordinator;
    this.involved = involved;
    this.body = body;
    this.workerBody = null;
    this.worker = null;
  }

  /**
   * A transaction whose body runs on {@code worker}, a single thread (the script worker). The body
   * may take more shards with {@link #acquireLate} and must call {@link #finish} exactly once when
   * done; every shard stays held until then.
   */
  public MultiShardTx(Shard coordinator, Shard[] involved, Executor worker, Consumer<MultiShardTx> workerBody) {
    this.coordinator = coordinator;
    this.involved = involved;
    this.body = null;
    this.workerBody = workerBody;
    this.worker = worker;
  }

  public Shard[] involved() { return involved; }

  @Override
  public void run(Shard shard) {
    throw new IllegalStateException("a transaction is held, not run, by a shard");
  }

  /** On the involved shard's thread, when it reaches this transaction in its queue. */
  void shardReady(Shard shard) {
    coordinator.controlOrRun(this::onReady);
  }

  private void onReady() {
    if (++ready < involved.length) return;
    if (workerBody != null) {
      orState(ALL_READY);
      worker.execute(this::startOnWorker);
      return;
    }
    for (;;) {
      int s = state.get();
      if (s == 0) {
        if (state.compareAndSet(0, STARTED)) {
          runBody();
          return;
        }
      } else if (state.compareAndSet(s, s | ALL_READY)) {
        return; // lent out: the last loan given back starts it
      }
    }
  }

  private void orState(int bit) {
    for (;;) {
      int s = state.get();
      if (state.compareAndSet(s, s | bit)) return;
    }
  }

  private void startOnWorker() {
    // Loans only go to the running script, and it gives them back before the worker takes the
    // next task, so none is outstanding here; wait rather than assume, should that ever change.
    while (!state.compareAndSet(ALL_READY, STARTED)) Thread.onSpinWait();
    workerBody.accept(this);
  }

  private void runBody() {
    try {
      body.run();
    } finally {
      releaseAll();
    }
  }

  /** Ends a worker transaction: gives back what it took late and releases its shards. Worker thread. */
  public void finish() {
    releaseAll();
  }

  private void releaseAll() {
    if (lateShards != null) {
      for (int i = 0; i < lateShards.size(); i++) {
        Shard s = lateShards.get(i);
        MultiShardTx lender = lenders.get(i);
        if (lender != null) lender.giveBack();
        else s.control(() -> s.release(this));
      }
    }
    for (Shard s : involved) s.controlOrRun(() -> s.release(this));
  }

  /**
   * From the running worker body: takes {@code shard} for the rest of the run, waiting if a
   * started transaction holds it (see the class comment for why that wait always ends).
   */
  public void acquireLate(Shard shard) {
    if (workerBody == null || state.get() != STARTED) {
      throw new IllegalStateException("only a running worker transaction takes shards late");
    }
    CompletableFuture<MultiShardTx> granted = new CompletableFuture<>();
    shard.control(() -> shard.lateRequest(this, granted));
    MultiShardTx lender = granted.join();
    if (lateShards == null) {
      lateShards = new ArrayList<>(2);
      lenders = new ArrayList<>(2);
    }
    lateShards.add(shard);
    lenders.add(lender);
  }

  /** On a shard's loop, while this transaction holds it: lends it to the running script unless started. */
  boolean lend() {
    for (;;) {
      int s = state.get();
      if (s == STARTED) return false;
      if (state.compareAndSet(s, s + LOAN)) return true;
    }
  }

  /** The running script is done with a shard this transaction lent it; the last one back may start it. */
  private void giveBack() {
    for (;;) {
      int s = state.get();
      int after = s - LOAN;
      if (after == ALL_READY && workerBody == null) {
        if (state.compareAndSet(s, STARTED)) {
          coordinator.controlOrRun(this::runBody);
          return;
        }
      } else if (state.compareAndSet(s, after)) {
        return; // a worker transaction starts when the worker reaches it
      }
    }
  }
}
