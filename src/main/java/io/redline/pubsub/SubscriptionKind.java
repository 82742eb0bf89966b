package io.redline.pubsub;

import java.nio.charset.StandardCharsets;

/**
 * The three namespaces of Redis pub/sub and the words of their frames. Outside cluster mode
 * shard channels are simply a second, separate set of channel names (SSUBSCRIBE/SPUBLISH);
 * patterns match PUBLISH's channels only, never shard channels.
 */
public enum SubscriptionKind {
  CHANNEL("subscribe", "unsubscribe", "message"),
  PATTERN("psubscribe", "punsubscribe", "pmessage"),
  SHARD("ssubscribe", "sunsubscribe", "smessage");

  final byte[] subscribeWord;
  final byte[] unsubscribeWord;
  final byte[] messageWord;

  SubscriptionKind(String subscribe, String unsubscribe, String message) {
    this.subscribeWord = subscribe.getBytes(StandardCharsets.US_ASCII);
    this.unsubscribeWord = unsubscribe.getBytes(StandardCharsets.US_ASCII);
    this.messageWord = message.getBytes(StandardCharsets.US_ASCII);
  }

  /** "subscribe", "psubscribe", "ssubscribe": the first element of a subscribe confirmation. */
  public byte[] subscribeWord() { return subscribeWord; }

  /** "unsubscribe", "punsubscribe", "sunsubscribe". */
  public byte[] unsubscribeWord() { return unsubscribeWord; }

  /** "message", "pmessage", "smessage". */
  public byte[] messageWord() { return messageWord; }
}
