package io.redline.modules.streams.store;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group: the last ID delivered to it, its logical read counter (entries-read, -1 when
 * unknown, as Redis's SCG_INVALID_ENTRIES_READ), its pending entries list and its consumers,
 * listed in name order (byte order, as Redis's radix tree lists them).
 */
public final class ConsumerGroup {
  public static final long UNKNOWN_ENTRIES_READ = -1;

  public StreamId lastId;
  public long entriesRead;
  public final TreeMap<StreamId, PendingEntry> pending = new TreeMap<>();
  public final TreeMap<byte[], Consumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

  public ConsumerGroup(StreamId lastId, long entriesRead) {
    this.lastId = lastId;
    this.entriesRead = entriesRead;
  }

  public Consumer consumer(byte[] name) { return consumers.get(name); }

  /** The named consumer, created if it is new; {@code created[0]} says which. */
  public Consumer consumerOrCreate(byte[] name, long now, boolean[] created) {
    Consumer c = consumers.get(name);
    if (c == null) {
      c = new Consumer(name, now);
      consumers.put(name, c);
      if (created != null) created[0] = true;
    }
    return c;
  }

  /** Removes a consumer and its pending entries from the group's PEL; returns how many it had. */
  public int deleteConsumer(Consumer c) {
    int n = c.pending.size();
    for (StreamId id : c.pending.keySet()) pending.remove(id);
    consumers.remove(c.name);
    return n;
  }

  /** Acknowledges one entry: gone from both PELs. */
  public boolean ack(StreamId id) {
    PendingEntry p = pending.remove(id);
    if (p == null) return false;
    p.consumer.pending.remove(id);
    return true;
  }

  /** Records a delivery of {@code id} to {@code c} (XREADGROUP), taking it from another consumer if needed. */
  public void delivered(StreamId id, Consumer c, long now) {
    PendingEntry p = pending.get(id);
    if (p == null) {
      p = new PendingEntry(c, now);
      pending.put(id, p);
      c.pending.put(id, p);
      return;
    }
    // XGROUP SETID can make an entry be delivered again while still pending: it moves to c.
    p.consumer.pending.remove(id);
    p.consumer = c;
    p.deliveryTime = now;
    p.deliveryCount = 1;
    c.pending.put(id, p);
  }

  ConsumerGroup copy() {
    ConsumerGroup g = new ConsumerGroup(lastId, entriesRead);
    for (Map.Entry<byte[], Consumer> e : consumers.entrySet()) {
      Consumer from = e.getValue();
      Consumer to = new Consumer(from.name, from.seenTime);
      g.consumers.put(to.name, to);
      for (Map.Entry<StreamId, PendingEntry> p : from.pending.entrySet()) {
        PendingEntry src = p.getValue();
        PendingEntry dst = new PendingEntry(to, src.deliveryTime);
        dst.deliveryCount = src.deliveryCount;
        to.pending.put(p.getKey(), dst);
        g.pending.put(p.getKey(), dst);
      }
    }
    // FORCE-claimed entries always get a consumer, so every group PEL entry was copied above.
    return g;
  }
}
