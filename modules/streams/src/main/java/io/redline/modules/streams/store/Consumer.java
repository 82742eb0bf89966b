package io.redline.modules.streams.store;

import java.util.TreeMap;

/** A named consumer of a group: when it was last seen, and the entries delivered to it and not acknowledged. */
public final class Consumer {
  public final byte[] name;
  public long seenTime;
  public final TreeMap<StreamId, PendingEntry> pending = new TreeMap<>();

  public Consumer(byte[] name, long now) {
    this.name = name;
    this.seenTime = now;
  }
}
