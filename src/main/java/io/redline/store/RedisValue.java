package io.redline.store;

/**
 * A stored value of a collection type (hash, list, set, sorted set, stream...). Strings are kept
 * as bare {@code byte[]}/{@code Long}/{@link StringBuilderValue} for compactness and are described
 * by {@link StringValue} instead.
 */
public interface RedisValue {
  /** TYPE's answer: "hash", "list", "set", "zset", ... */
  String typeName();

  /** OBJECT ENCODING's answer for the current representation: "listpack", "hashtable", ... */
  String encoding();

  /**
   * Approximate heap bytes of this value, looking at no more than {@code samples} elements (0 =
   * all), for memory accounting and MEMORY USAGE; -1 when the type leaves it to
   * io.redline.memory.ValueSize (the core types) or cannot tell. Must be O(samples).
   */
  default long memoryEstimate(int samples) { return -1; }
}
