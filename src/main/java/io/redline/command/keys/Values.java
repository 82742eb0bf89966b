package io.redline.command.keys;

import io.redline.store.StoredValue;
import io.redline.store.StringBuilderValue;

/** Type-independent views of a stored value that COPY and OBJECT REFCOUNT need. */
final class Values {
  private Values() {}

  /** Redis's OBJ_SHARED_REFCOUNT: what OBJECT REFCOUNT reports for a shared object. */
  static final long SHARED_REFCOUNT = Integer.MAX_VALUE;
  /** Redis's OBJ_SHARED_INTEGERS: integers below this are one shared object each. */
  private static final long SHARED_INTEGERS = 10000;

  /** A copy that shares nothing mutable with {@code v}, or null for a type that cannot copy itself yet. */
  static Object copy(Object v) {
    if (v instanceof byte[] || v instanceof Long) return v; // never modified in place
    if (v instanceof StringBuilderValue s) return new StringBuilderValue(s.toBytes(), 0);
    if (v instanceof StoredValue s) return s.copy();
    return null;
  }

  /**
   * OBJECT REFCOUNT: Redis stores the integers 0..9999 as shared objects (with no maxmemory set,
   * as here), reported with the shared marker; every other value has exactly one owner.
   */
  static long refcount(Object v) {
    return v instanceof Long l && l >= 0 && l < SHARED_INTEGERS ? SHARED_REFCOUNT : 1;
  }
}
