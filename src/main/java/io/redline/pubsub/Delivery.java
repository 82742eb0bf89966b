package io.redline.pubsub;

import java.nio.charset.StandardCharsets;

/**
 * One published message on its way to the subscribers of one lane: what was published, under
 * which subscription (the channel itself, a pattern, or a shard channel), and who on that lane
 * gets it. Each lane gets its own Delivery, so the RESP frames encoded here once per protocol
 * version are shared by all of that lane's recipients without any synchronisation.
 */
public final class Delivery {
  private final SubscriptionKind kind;
  private final ChannelName subscribedName;
  private final byte[] channel;
  private final byte[] payload;
  final Subscriber[] recipients;
  private byte[] resp2;
  private byte[] resp3;

  Delivery(SubscriptionKind kind, ChannelName subscribedName, byte[] channel, byte[] payload, Subscriber[] recipients) {
    this.kind = kind;
    this.subscribedName = subscribedName;
    this.channel = channel;
    this.payload = payload;
    this.recipients = recipients;
  }

  /** CHANNEL for "message", PATTERN for "pmessage", SHARD for "smessage". */
  public SubscriptionKind kind() { return kind; }

  /** The subscription this message came through: the channel, or the pattern for "pmessage". */
  public ChannelName subscribedName() { return subscribedName; }

  /** The pattern that matched, for "pmessage"; null otherwise. */
  public byte[] pattern() { return kind == SubscriptionKind.PATTERN ? subscribedName.bytes() : null; }

  /** The channel the message was published to. */
  public byte[] channel() { return channel; }

  /** The message itself. */
  public byte[] payload() { return payload; }

  /**
   * The message as Redis frames it: RESP2 {@code *3 message channel payload} (or
   * {@code *4 pmessage pattern channel payload}), RESP3 the same as a push ({@code >}).
   * Encoded on first use for each version; only the lane's thread calls this.
   */
  public byte[] encoded(int resp) {
    if (resp >= 3) {
      if (resp3 == null) resp3 = encode('>');
      return resp3;
    }
    if (resp2 == null) resp2 = encode('*');
    return resp2;
  }

  private byte[] encode(char aggregate) {
    byte[] pattern = pattern();
    byte[] word = kind.messageWord();
    int parts = pattern == null ? 3 : 4;
    int size = 4 + bulkSize(word) + bulkSize(channel) + bulkSize(payload) + (pattern == null ? 0 : bulkSize(pattern));
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(size);
    b.put((byte) aggregate).put((byte) ('0' + parts)).put((byte) '\r').put((byte) '\n');
    bulk(b, word);
    if (pattern != null) bulk(b, pattern);
    bulk(b, channel);
    bulk(b, payload);
    return b.array();
  }

  private static int bulkSize(byte[] v) {
    return 1 + Integer.toString(v.length).length() + 2 + v.length + 2;
  }

  private static void bulk(java.nio.ByteBuffer b, byte[] v) {
    b.put((byte) '$').put(Integer.toString(v.length).getBytes(StandardCharsets.US_ASCII)).put((byte) '\r').put((byte) '\n');
    b.put(v).put((byte) '\r').put((byte) '\n');
  }
}
