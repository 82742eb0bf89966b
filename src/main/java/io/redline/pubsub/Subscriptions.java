package io.redline.pubsub;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One subscriber's own view of what it is subscribed to, kept in step with the hub. Used only on
 * the subscriber's loop, except the counts, which CLIENT LIST and INFO read from any loop.
 *
 * <p>Insertion order is kept, so UNSUBSCRIBE without arguments answers in subscription order
 * (Redis answers in its hash table's order, which is unspecified).
 */
public final class Subscriptions {
  private final PubSubHub hub;
  private final Subscriber owner;
  private final Map<SubscriptionKind, LinkedHashSet<ChannelName>> names = new EnumMap<>(SubscriptionKind.class);
  private volatile int channels;
  private volatile int patterns;
  private volatile int shardChannels;
  /** The subscriber is gone: nothing may be added any more (a late EXEC must not leak a registration). */
  private boolean closed;

  public Subscriptions(PubSubHub hub, Subscriber owner) {
    this.hub = hub;
    this.owner = owner;
    for (SubscriptionKind k : SubscriptionKind.values()) names.put(k, new LinkedHashSet<>());
  }

  /** Subscribes to {@code name}; false when already subscribed (nothing changes). */
  public boolean add(SubscriptionKind kind, byte[] name) {
    if (closed) return false;
    ChannelName n = new ChannelName(name);
    if (!names.get(kind).add(n)) return false;
    hub.add(kind, n, owner);
    recount(kind);
    return true;
  }

  /** Unsubscribes from {@code name}; false when it was not subscribed. */
  public boolean remove(SubscriptionKind kind, byte[] name) {
    ChannelName n = new ChannelName(name);
    if (!names.get(kind).remove(n)) return false;
    hub.remove(kind, n, owner);
    recount(kind);
    return true;
  }

  /** The names of {@code kind}, in subscription order (a copy: safe to unsubscribe while iterating). */
  public List<byte[]> names(SubscriptionKind kind) {
    List<byte[]> out = new ArrayList<>(names.get(kind).size());
    for (ChannelName n : names.get(kind)) out.add(n.bytes());
    return out;
  }

  /** Drops every subscription without telling the subscriber (RESET, connection closed). */
  public void clear() {
    for (SubscriptionKind kind : SubscriptionKind.values()) {
      for (ChannelName n : names.get(kind)) hub.remove(kind, n, owner);
      names.get(kind).clear();
      recount(kind);
    }
  }

  /** The subscriber has gone for good: drops everything and refuses later subscriptions. */
  public void close() {
    closed = true;
    clear();
  }

  private void recount(SubscriptionKind kind) {
    int n = names.get(kind).size();
    switch (kind) {
      case CHANNEL -> channels = n;
      case PATTERN -> patterns = n;
      case SHARD -> shardChannels = n;
    }
  }

  /**
   * The count a (un)subscribe confirmation carries: channels plus patterns for SUBSCRIBE and
   * PSUBSCRIBE, shard channels alone for SSUBSCRIBE (Redis 7.0).
   */
  public int confirmationCount(SubscriptionKind kind) {
    return kind == SubscriptionKind.SHARD ? shardChannels : channels + patterns;
  }

  public int channelCount() { return channels; }
  public int patternCount() { return patterns; }
  public int shardChannelCount() { return shardChannels; }

  /** Everything subscribed; above zero is Redis's "pubsub" client state. */
  public int total() { return channels + patterns + shardChannels; }

  /**
   * Whether this subscriber still holds the subscription {@code d} was sent through. A message
   * published just before the subscriber's UNSUBSCRIBE ran can arrive just after it: it is
   * dropped, so no message ever follows the unsubscribe confirmation (a RESP2 client that has
   * left subscribed mode would read it as the reply to its next command).
   */
  public boolean covers(Delivery d) {
    return names.get(d.kind()).contains(d.subscribedName());
  }
}
