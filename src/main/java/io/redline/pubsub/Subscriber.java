package io.redline.pubsub;

/**
 * Something that receives published messages: a RESP connection today, a WebSocket connection
 * of the chat module later. A subscriber lives on one event loop (its {@linkplain #lane() lane});
 * the hub calls it only on that loop's thread, so it needs no locks.
 */
public interface Subscriber {
  /** The lane (event loop index, 0..lanes-1) this subscriber lives on; fixed for its lifetime. */
  int lane();

  /**
   * On the lane's thread: one message. The subscriber checks that it still holds the subscription
   * the message was sent for ({@link Subscriptions#covers}), since an UNSUBSCRIBE may have run
   * between the publish and now. Returns true when this is the first message since its last
   * {@link #flushDeliveries()}, so the lane knows to call that once after the batch.
   */
  boolean deliver(Delivery delivery);

  /** On the lane's thread, after a batch of deliveries: send what was written. */
  void flushDeliveries();
}
