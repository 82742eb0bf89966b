package io.redline.modules.streams.store;

/**
 * An entry delivered to a consumer and not yet acknowledged (Redis's streamNACK). The same
 * object sits in its group's PEL and in its consumer's PEL.
 */
public final class PendingEntry {
  public long deliveryTime;
  public long deliveryCount;
  public Consumer consumer;

  public PendingEntry(Consumer consumer, long now) {
    this.consumer = consumer;
    this.deliveryTime = now;
    this.deliveryCount = 1;
  }
}
