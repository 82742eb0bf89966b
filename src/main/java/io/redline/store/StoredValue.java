package io.redline.store;

/**
 * What COPY needs from a {@link RedisValue} type: a deep copy. A collection type that does not
 * implement this cannot be copied yet, and COPY replies with an error rather than let two keys
 * share one mutable value.
 */
public interface StoredValue {
  /** An independent deep copy: later writes to either must not show in the other. */
  StoredValue copy();
}
