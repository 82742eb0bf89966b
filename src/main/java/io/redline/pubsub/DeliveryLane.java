package io.redline.pubsub;

import io.redline.shard.Shard;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * The deliveries bound for one event loop. Publishers on any thread offer to a lock-free MPSC
 * queue; the loop drains it in batches, writing each message into its recipients' output, then
 * flushes every recipient once per batch (one write per subscriber per batch, however many
 * messages it got). The queue is FIFO per producer, so messages from one publisher reach each
 * subscriber in the order they were published.
 */
final class DeliveryLane implements Runnable {
  private static final Logger LOG = Logger.getLogger("redline");
  /** Recipient writes per drain before flushing and yielding the loop to other work. */
  private static final int BATCH_WRITES = 16 * 1024;

  private final Shard shard;
  private final MpscUnboundedXaddArrayQueue<Delivery> queue = new MpscUnboundedXaddArrayQueue<>(1024);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Subscribers written to in the current drain, to flush at its end (loop thread only). */
  private final ArrayList<Subscriber> touched = new ArrayList<>();

  DeliveryLane(Shard shard) {
    this.shard = shard;
  }

  /**
   * Any thread. A publisher running on this lane's own loop, with nothing queued before it, writes
   * the message at once, as Redis does inside PUBLISH: so a subscriber on the same loop (the
   * publisher itself, in RESP3) gets it before the replies that follow. Nothing queued earlier
   * is overtaken; the flush still happens once, at the end of the lane's next run.
   */
  void offer(Delivery d) {
    if (onLoop() && queue.isEmpty()) {
      write(d);
    } else {
      queue.offer(d);
    }
    if (scheduled.compareAndSet(false, true)) shard.loop().execute(this);
  }

  /** Loop thread: the message into each recipient's output; each is flushed at the end of the run. */
  private void write(Delivery d) {
    for (Subscriber s : d.recipients) {
      try {
        if (s.deliver(d)) touched.add(s);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "pub/sub delivery failed", e);
      }
    }
  }

  /** Whether the calling thread is this lane's event loop. */
  boolean onLoop() { return shard.loop() != null && shard.loop().inEventLoop(); }

  @Override
  public void run() {
    scheduled.set(false);
    int budget = BATCH_WRITES;
    Delivery d;
    while (budget > 0 && (d = queue.poll()) != null) {
      write(d);
      budget -= Math.max(1, d.recipients.length);
    }
    for (int i = 0; i < touched.size(); i++) {
      try {
        touched.get(i).flushDeliveries();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "pub/sub flush failed", e);
      }
    }
    touched.clear();
    if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) shard.loop().execute(this);
  }
}
