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
}
