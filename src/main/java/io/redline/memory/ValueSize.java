package io.redline.memory;

import io.redline.store.RedisValue;
import io.redline.store.StringBuilderValue;
import io.redline.store.hash.FieldTable;
import io.redline.store.hash.HashValue;
import io.redline.store.list.ListValue;
import io.redline.store.set.SetValue;
import io.redline.store.zset.ZSetValue;

/**
 * What a key and its value occupy on the heap, estimated as HotSpot lays objects out on a 64-bit
 * JVM with compressed references (12-byte headers, 4-byte references, 8-byte alignment).
 *
 * <p>Every estimate is O(1) in the size of the value: collections are measured like Redis's
 * MEMORY USAGE measures them, by looking at their first {@code samples} elements and scaling by
 * the element count (0 samples = look at all of them). Fixed per-element costs come from each
 * encoding's node layout (e.g. a hashtable field is a 32-byte node plus its two byte arrays).
 */
public final class ValueSize {
  /** MEMORY USAGE's default, also what the memory account samples after each write. */
  public static final int DEFAULT_SAMPLES = 5;

  /** An {@code Entry}: header, key/next/value references, expiry (8 + 4), clock, mark, account. */
  public static final int ENTRY = 48;
  /**
   * The key's share of its database's bucket array: 4-byte slots, the table between one and two
   * slots per key, so 6 bytes on average; a key with a TTL also holds a slot of the expiry index.
   */
  public static final int TABLE_SLOT = 6;
  public static final int EXPIRY_SLOT = 6;

  private ValueSize() {}

  static long align(long n) { return (n + 7) & ~7L; }

  /** A {@code byte[n]}. */
  public static long bytes(int n) { return align(16 + (long) n); }

  /** An array of n references. */
  static long refs(long n) { return align(16 + 4 * n); }

  /** A key with its value: the number a database's account holds for it. */
  public static long entry(byte[] key, Object value, boolean hasExpiry, int samples) {
    return ENTRY + bytes(key.length) + TABLE_SLOT + (hasExpiry ? EXPIRY_SLOT : 0) + value(value, samples);
  }

  /** The value alone, or 0 for one that is only a shared constant. */
  public static long value(Object v, int samples) {
    if (v instanceof byte[] b) return bytes(b.length);
    if (v instanceof Long l) return l >= -128 && l <= 127 ? 0 : 16; // Long.valueOf caches the small ones
    if (v instanceof StringBuilderValue s) return 24 + bytes(s.array().length);
    if (v instanceof HashValue h) return hash(h, samples);
    if (v instanceof SetValue s) return set(s, samples);
    if (v instanceof ZSetValue z) return zset(z, samples);
    if (v instanceof ListValue l) return list(l, samples);
    if (v instanceof RedisValue r) {
      long own = r.memoryEstimate(samples);
      if (own >= 0) return own;
    }
    return 64; // a type that cannot tell (a module's): counted as a small object
  }

  /** Average of {@code sampled} bytes over {@code seen} elements, scaled to {@code n}. */
  private static long scale(long sampled, long seen, long n) {
    return seen == 0 ? 0 : (long) ((double) sampled / seen * n);
  }

  private static long hash(HashValue h, int samples) {
    int n = h.size();
    int k = samples <= 0 ? n : Math.min(samples, n);
    long sampled = 0;
    if (h.isListpack()) return 24 + bytes(h.packedBytes()); // one packed array, measured exactly
    long[] acc = new long[2];
    h.table().forEachWhile(node -> {
      acc[0] += bytes(node.key().length) + bytes(node.value().length);
      return ++acc[1] < k;
    });
    return 24 + table(n, true) + scale(acc[0], acc[1], n);
  }

  /** A {@link FieldTable}: the object, its buckets (1–2 per element) and one node per element. */
  private static long table(long n, boolean withValues) {
    return 32 + refs(Math.max(4, n + n / 2)) + n * (withValues ? 32 : 24);
  }

  private static long set(SetValue s, int samples) {
    int n = s.size();
    if (s.isIntset()) return 24 + 24 + align(16 + (long) s.intsetWidth() * n);
    int k = samples <= 0 ? n : Math.min(samples, n);
    long[] acc = new long[2];
    s.forEachWhile(m -> {
      acc[0] += bytes(m.length);
      return ++acc[1] < k;
    });
    return 24 + table(n, false) + scale(acc[0], acc[1], n);
  }

  private static long zset(ZSetValue z, int samples) {
    int n = z.size();
    int k = samples <= 0 ? n : Math.min(samples, n);
    long sampled = 0;
    for (int i = 0; i < k; i++) sampled += bytes(z.memberAt(i).length);
    // listpack: member reference + score slot; skiplist: a node (header, member, score, level
    // array of 1.33 links on average, backward link, span) plus the member-to-node table entry.
    long perElement = z.encoding().equals("listpack") ? 12 : 96;
    return 32 + n * perElement + scale(sampled, k, n);
  }

  private static long list(ListValue l, int samples) {
    int n = l.size();
    int k = samples <= 0 ? n : Math.min(samples, n);
    long[] acc = new long[2];
    if (k > 0) {
      l.scan(0, true, (i, b, off, len) -> {
        acc[0] += l.isPacked() ? len + 2 : bytes(len) + 4;
        return ++acc[1] < k;
      });
    }
    return 48 + (l.isPacked() ? 16 : 0) + scale(acc[0], acc[1], n);
  }
}
