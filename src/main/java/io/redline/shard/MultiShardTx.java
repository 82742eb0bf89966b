package io.redline.shard;

/**
 * A unit of work over keys of several shards, made atomic by holding every involved shard.
 *
 * <p>Life cycle: the {@link TxScheduler} puts the same transaction into each involved shard's
 * data queue, in one global order. Each shard that reaches it stops draining its data queue and
 * reports ready to the coordinator (the loop of the connection that issued it) through the
 * coordinator's control queue. When all are ready, the coordinator runs the body against the held
 * shards' databases, then releases them. No thread ever waits: a holding shard simply leaves its
 * queue alone, and the global order means no two transactions can each hold what the other needs.
 */
public final class MultiShardTx extends ShardTask {
  private final Shard coordinator;
  private final Shard[] involved;
  private final Runnable body;
  private final java.util.function.Consumer<Runnable> asyncBody;
  private int ready; // touched only on the coordinator's thread
  long id;

  public MultiShardTx(Shard coordinator, Shard[] involved, Runnable body) {
    this.coordinator = coordinator;
    this.involved = involved;
    this.body = body;
    this.asyncBody = null;
  }

  /**
   * A transaction whose body finishes later, on any thread: it gets the release action and must
   * run it exactly once when done. The shards stay held until then (a script on a worker thread).
   */
  public MultiShardTx(Shard coordinator, Shard[] involved, java.util.function.Consumer<Runnable> asyncBody) {
    this.coordinator = coordinator;
    this.involved = involved;
    this.body = null;
    this.asyncBody = asyncBody;
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
    if (asyncBody != null) {
      asyncBody.accept(this::releaseAll);
      return;
    }
    try {
      body.run();
    } finally {
      releaseAll();
    }
  }

  private void releaseAll() {
    for (Shard s : involved) s.controlOrRun(() -> s.release(this));
  }
}
