package io.redline.pubsub;

/**
 * One connection's enforcement of {@code client-output-buffer-limit}, and of the heap's share for
 * client output: told the connection's owed bytes after its writes, it answers whether the
 * connection must be cut off. Used on the connection's own loop only.
 *
 * <p>Redis's rules: at or over the hard limit closes at once; over the soft limit closes once it
 * has stayed over it for more than the soft seconds; under it, the soft clock restarts. The
 * class is "pubsub" while the client is subscribed, "normal" otherwise.
 */
public final class OutputGuard {
  public static final String OVER_LIMITS = "scheduled to be closed ASAP for overcoming of output buffer limits.";
  public static final String OVER_HEAP_SHARE =
      "scheduled to be closed ASAP: the output owed to all clients is over a quarter of the heap.";

  private final PubSubHub hub;
  /** When the output first went over the soft limit (ms), 0 while under it. */
  private long softLimitSince;
  /** Owed bytes as last added to the hub's total. */
  private long reported;

  public OutputGuard(PubSubHub hub) {
    this.hub = hub;
  }

  /**
   * The connection now owes {@code owed} bytes: null to keep it, or why it must be closed (the
   * end of the log line; the disconnection is counted for INFO).
   */
  public String check(long owed, boolean subscribed) {
    hub.accountOutput(owed - reported);
    reported = owed;
    String verdict = verdict(owed, subscribed);
    if (verdict != null) hub.countOutputLimitDisconnection();
    return verdict;
  }

  private String verdict(long owed, boolean subscribed) {
    if (owed >= PubSubHub.GUARDED_CLIENT_BYTES && hub.outputOverBudget()) return OVER_HEAP_SHARE;
    OutputBufferLimits limits = hub.outputLimits();
    OutputBufferLimits.ClassLimit limit = subscribed ? limits.pubsub() : limits.normal();
    if (limit.unlimited()) {
      softLimitSince = 0;
      return null;
    }
    boolean hard = limit.hard() != 0 && Long.compareUnsigned(owed, limit.hard()) >= 0;
    boolean soft = limit.soft() != 0 && Long.compareUnsigned(owed, limit.soft()) >= 0;
    if (soft) {
      long now = System.currentTimeMillis();
      if (softLimitSince == 0) {
        softLimitSince = now;
        soft = false;
      } else if (now - softLimitSince <= limit.softSeconds() * 1000L) {
        soft = false;
      }
    } else {
      softLimitSince = 0;
    }
    return hard || soft ? OVER_LIMITS : null;
  }

  /** Bytes written to {@code channel} that the kernel has not taken yet. Any thread (Netty keeps the total volatile). */
  public static long unsentBytes(io.netty.channel.Channel channel) {
    io.netty.channel.ChannelOutboundBuffer ob = channel.unsafe().outboundBuffer();
    return ob == null ? 0 : ob.totalPendingWriteBytes();
  }

  /** Buffers queued in Netty for {@code channel}. */
  public static int unsentBuffers(io.netty.channel.Channel channel) {
    io.netty.channel.ChannelOutboundBuffer ob = channel.unsafe().outboundBuffer();
    return ob == null ? 0 : Math.max(0, ob.size());
  }

  /** The connection is gone: what it owed no longer counts towards the heap's share. */
  public void release() {
    hub.accountOutput(-reported);
    reported = 0;
  }
}
