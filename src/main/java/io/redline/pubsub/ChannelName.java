package io.redline.pubsub;

import java.util.Arrays;

/**
 * A channel, shard channel or pattern name as a map key: compared by its bytes, hash computed
 * once. Names are binary-safe, as in Redis; the array is never changed after construction.
 */
public final class ChannelName {
  private final byte[] bytes;
  private final int hash;

  public ChannelName(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** The name's bytes; callers must not modify them. */
  public byte[] bytes() { return bytes; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelName n && n.hash == hash && Arrays.equals(n.bytes, bytes);
  }

  @Override
  public int hashCode() { return hash; }

  @Override
  public String toString() { return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1); }
}
