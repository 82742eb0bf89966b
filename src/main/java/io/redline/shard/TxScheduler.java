package io.redline.shard;

/**
 * Gives multi-shard transactions one global order: under a short lock (never held while anything
 * executes) each transaction takes the next id and is queued on every shard it involves. Every
 * shard therefore meets multi-shard transactions in the same order, which is what makes holding
 * deadlock-free. Single-shard commands never come here.
 */
public final class TxScheduler {
  private final Object order = new Object();
  private long nextId;

  public void schedule(MultiShardTx tx) {
    synchronized (order) {
      tx.id = ++nextId;
      for (Shard s : tx.involved()) s.offerWithoutWake(tx);
    }
    for (Shard s : tx.involved()) s.wake();
  }
}
