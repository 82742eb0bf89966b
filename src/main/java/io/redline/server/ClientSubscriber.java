package io.redline.server;

import io.redline.pubsub.Delivery;
import io.redline.pubsub.Subscriber;
import io.redline.pubsub.Subscriptions;

/**
 * A connection's pub/sub side: its subscriptions, and the hub's deliveries to it, which arrive on
 * the connection's loop and are written between its replies, never inside one.
 */
final class ClientSubscriber implements Subscriber {
  private final ClientConnection client;
  /** Channels, patterns and shard channels subscribed to; null until the first SUBSCRIBE. */
  private volatile Subscriptions subscriptions;
  /** Messages were written since the last flush (the delivery lane flushes once per batch). */
  private boolean deliveriesUnflushed;

  ClientSubscriber(ClientConnection client) {
    this.client = client;
  }

  /** Created on first use. Home loop only. */
  Subscriptions subscriptions() {
    Subscriptions s = subscriptions;
    if (s == null) {
      subscriptions = s = new Subscriptions(client.server().pubsub(), this);
      if (client.closed()) s.close();
    }
    return s;
  }

  /** Subscribed to anything. Any thread. */
  boolean subscribed() {
    Subscriptions s = subscriptions;
    return s != null && s.total() > 0;
  }

  int channels() { Subscriptions s = subscriptions; return s == null ? 0 : s.channelCount(); }
  int patterns() { Subscriptions s = subscriptions; return s == null ? 0 : s.patternCount(); }
  int shardChannels() { Subscriptions s = subscriptions; return s == null ? 0 : s.shardChannelCount(); }

  /** Unsubscribes from everything; once the connection closed, nothing can subscribe again (an EXEC completing late). */
  void drop() {
    Subscriptions s = subscriptions;
    if (s == null) return;
    if (client.closed()) s.close();
    else s.clear();
  }

  @Override
  public int lane() { return client.home().index(); }

  /**
   * On the home loop: a published message, behind every reply already produced: in RESP2 a message
   * must never overtake the subscribe confirmation (or any reply) before it. A RESP3 push may pass
   * replies still being computed elsewhere, as Redis's pushes do, so a client parked in BLPOP still
   * gets its messages.
   */
  @Override
  public boolean deliver(Delivery d) {
    Subscriptions s = subscriptions;
    if (client.closed() || s == null || !s.covers(d) || client.settings().replyMode() == ReplyMode.OFF) return false;
    if (!client.writeMessage(d.encoded(client.resp())) || deliveriesUnflushed) return false;
    deliveriesUnflushed = true;
    return true;
  }

  @Override
  public void flushDeliveries() {
    deliveriesUnflushed = false;
    client.flush();
  }
}
