package io.redline.store;

/**
 * What the generic key commands need from a value type other than strings (strings are
 * {@code byte[]}, {@code Long} or {@link StringBuilderValue}; see {@link StringValue}).
 * Every list, hash, set, sorted-set and stream value class implements it.
 */
public interface StoredValue {
  /** Redis's name for the current representation, for OBJECT ENCODING ("listpack", "hashtable"...). */
  String encoding();

  /** An independent deep copy, for COPY: later writes to either must not show in the other. */
  StoredValue copy();
}
