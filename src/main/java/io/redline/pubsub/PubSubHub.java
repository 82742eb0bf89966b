package io.redline.pubsub;

import io.redline.config.ServerConfig;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import io.redline.util.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's one pub/sub registry: channel, pattern and shard-channel names mapped to their
 * subscribers, on whichever event loop each subscriber lives.
 *
 * <p>The maps are concurrent and their values immutable {@link SubscriberSet}s, so PUBLISH on
 * any thread counts the receivers exactly and synchronously (its reply), then posts one
 * {@link Delivery} per involved loop to that loop's {@link DeliveryLane}; the loop writes and
 * flushes. Subscribing and unsubscribing happen on the subscriber's own loop, which also keeps
 * the subscriber's own view ({@link Subscriptions}). RESP connections, keyspace notifications and
 * the WebSocket endpoint all go through this hub.
 */
public final class PubSubHub {
  private final ConcurrentHashMap<ChannelName, SubscriberSet> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ChannelName, SubscriberSet> patterns = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ChannelName, SubscriberSet> shardChannels = new ConcurrentHashMap<>();
  private final DeliveryLane[] lanes;
  private volatile OutputBufferLimits outputLimits;
  private final LongAdder outputLimitDisconnections = new LongAdder();
  private volatile PublishObserver[] observers = new PublishObserver[0];

  /**
   * Sees every PUBLISH without being one of its receivers (not counted, not a subscription): the
   * chat module keeps room history with it. Called on the publishing thread; must be quick.
   */
  public interface PublishObserver {
    void published(byte[] channel, byte[] message);
  }

  public synchronized void observe(PublishObserver o) {
    PublishObserver[] next = java.util.Arrays.copyOf(observers, observers.length + 1);
    next[observers.length] = o;
    observers = next;
  }

  public synchronized void stopObserving(PublishObserver o) {
    observers = java.util.Arrays.stream(observers).filter(x -> x != o).toArray(PublishObserver[]::new);
  }
  /** Output owed to all clients, as last measured by each (see {@link #accountOutput}). */
  private final LongAdder owedOutput = new LongAdder();
  /**
   * The heap's safety net: the per-class limits bound each client, but 1,000 stalled subscribers at
   * the default 32 MB would still hold 32 GB. Past this share of the heap, owed output in total,
   * clients holding more than {@link #GUARDED_CLIENT_BYTES} are cut off as they are written to.
   */
  private final long outputBudget = Runtime.getRuntime().maxMemory() / 4;
  public static final long GUARDED_CLIENT_BYTES = 1024 * 1024;

  public PubSubHub(ShardRouter router, ServerConfig config) {
    Shard[] shards = router.shards();
    this.lanes = new DeliveryLane[shards.length];
    for (int i = 0; i < shards.length; i++) lanes[i] = new DeliveryLane(shards[i]);
    String limits = config.get("client-output-buffer-limit");
    this.outputLimits = OutputBufferLimits.parse(limits == null ? OutputBufferLimits.DEFAULT : limits);
    config.onChange("client-output-buffer-limit", v -> outputLimits = OutputBufferLimits.parse(v));
  }

  // ---- publishing (any thread) ---------------------------------------------------------------

  /**
   * PUBLISH: sends {@code message} to the subscribers of {@code channel} and of every pattern
   * matching it, and returns how many receivers that is (a client subscribed both ways counts,
   * and receives, twice — as in Redis). Callable from any thread: keyspace notifications use it
   * from the shard that fired them. The arrays are kept, not copied: callers must not change them.
   */
  public long publish(byte[] channel, byte[] message) {
    long receivers = 0;
    if (!channels.isEmpty()) {
      ChannelName name = new ChannelName(channel);
      SubscriberSet direct = channels.get(name);
      if (direct != null) receivers += post(direct, SubscriptionKind.CHANNEL, name, channel, message);
    }
    if (!patterns.isEmpty()) {
      for (Map.Entry<ChannelName, SubscriberSet> e : patterns.entrySet()) {
        if (Glob.match(e.getKey().bytes(), channel)) {
          receivers += post(e.getValue(), SubscriptionKind.PATTERN, e.getKey(), channel, message);
        }
      }
    }
    for (PublishObserver o : observers) o.published(channel, message);
    return receivers;
  }

  /** SPUBLISH: to the subscribers of shard channel {@code channel} only. Any thread. */
  public long spublish(byte[] channel, byte[] message) {
    if (shardChannels.isEmpty()) return 0;
    ChannelName name = new ChannelName(channel);
    SubscriberSet set = shardChannels.get(name);
    return set == null ? 0 : post(set, SubscriptionKind.SHARD, name, channel, message);
  }

  /** Hands each lane its part of {@code set}; {@code via} is the channel, or the pattern that matched. */
  private int post(SubscriberSet set, SubscriptionKind kind, ChannelName via, byte[] channel, byte[] message) {
    for (int i = 0; i < set.lanes(); i++) {
      Subscriber[] part = set.lane(i);
      if (part.length > 0) lanes[i].offer(new Delivery(kind, via, channel, message, part));
    }
    return set.size();
  }

  // ---- registry (called through Subscriptions, on the subscriber's loop) --------------------

  void add(SubscriptionKind kind, ChannelName name, Subscriber s) {
    map(kind).compute(name, (k, old) -> old == null ? SubscriberSet.of(lanes.length, s) : old.with(s));
  }

  void remove(SubscriptionKind kind, ChannelName name, Subscriber s) {
    map(kind).computeIfPresent(name, (k, old) -> old.without(s));
  }

  private ConcurrentHashMap<ChannelName, SubscriberSet> map(SubscriptionKind kind) {
    return switch (kind) {
      case CHANNEL -> channels;
      case PATTERN -> patterns;
      case SHARD -> shardChannels;
    };
  }

  // ---- introspection (PUBSUB, INFO) ----------------------------------------------------------

  /**
   * PUBSUB CHANNELS / SHARDCHANNELS: the names with at least one subscriber, those matching
   * {@code pattern} when it is not null. (No pattern lists every name, even the empty one,
   * which no pattern matches — as in Redis.)
   */
  public List<byte[]> activeNames(SubscriptionKind kind, byte[] pattern) {
    List<byte[]> out = new ArrayList<>();
    for (ChannelName n : map(kind).keySet()) {
      if (pattern == null || Glob.match(pattern, n.bytes())) out.add(n.bytes());
    }
    return out;
  }

  /** PUBSUB NUMSUB / SHARDNUMSUB: subscribers of one name (pattern subscriptions not counted). */
  public int subscriberCount(SubscriptionKind kind, byte[] name) {
    SubscriberSet s = map(kind).get(new ChannelName(name));
    return s == null ? 0 : s.size();
  }

  /** How many distinct names of {@code kind} have subscribers (PUBSUB NUMPAT, INFO pubsub_*). */
  public int nameCount(SubscriptionKind kind) { return map(kind).size(); }

  /** Number of lanes (one per event loop / shard). */
  public int laneCount() { return lanes.length; }

  /**
   * The lane of the event loop the caller runs on, or -1 when it runs on none of the server's
   * loops: a non-RESP subscriber (WebSocket) living on a server loop uses this as its lane.
   */
  public int currentLane() {
    for (int i = 0; i < lanes.length; i++) if (lanes[i].onLoop()) return i;
    return -1;
  }

  // ---- output buffer limits ------------------------------------------------------------------

  /** The current {@code client-output-buffer-limit}, parsed. */
  public OutputBufferLimits outputLimits() { return outputLimits; }

  /** A client's owed output changed by {@code delta} bytes since it last reported (any thread). */
  public void accountOutput(long delta) {
    if (delta != 0) owedOutput.add(delta);
  }

  /** Whether the output owed to all clients together is over the heap's share for it. */
  public boolean outputOverBudget() { return owedOutput.sum() > outputBudget; }

  /** Counts a client closed for passing its output buffer limit. */
  public void countOutputLimitDisconnection() { outputLimitDisconnections.increment(); }

  public long outputLimitDisconnections() { return outputLimitDisconnections.sum(); }
}
