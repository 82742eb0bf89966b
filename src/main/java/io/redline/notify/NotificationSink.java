package io.redline.notify;

/**
 * Where keyspace notifications go: the pub/sub hub in a running server, a list in a test.
 * Called on whichever thread fired the event (a shard's loop, a transaction's coordinator, the
 * script thread), so an implementation must accept calls from any thread, and must not block.
 */
@FunctionalInterface
public interface NotificationSink {
  /** Drops everything: a server without pub/sub. */
  NotificationSink NONE = (channel, message) -> {};

  /** PUBLISH {@code message} to {@code channel}. Both may be kept but never modified (event names are shared). */
  void publish(byte[] channel, byte[] message);
}
