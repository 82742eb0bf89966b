package io.redline.command.keys;

import io.redline.protocol.Args;

/**
 * SCAN's cursor over a sharded keyspace: one unsigned 64-bit number holding the shard being
 * scanned (high 32 bits) and that shard's {@link io.redline.store.Dict} cursor (low 32 bits; a
 * Java table has fewer than 2^31 buckets). Cursor 0 is shard 0 at its start, and a scan ends when
 * the last shard's own cursor comes back to 0; with one shard the cursor is exactly Redis's.
 */
public final class ScanCursor {
  private ScanCursor() {}

  static long shard(long cursor) { return cursor >>> 32; }

  static long position(long cursor) { return cursor & 0xFFFF_FFFFL; }

  static long of(int shard, long position) { return ((long) shard << 32) | position; }

  /** The shard a SCAN with these arguments runs on, or -1 (any) for a cursor it will reject or finish at once. */
  static int chooseShard(Args args, int shardCount) {
    long[] c = new long[1];
    if (!parse(args, 1, c)) return -1;
    long s = shard(c[0]);
    return s < shardCount ? (int) s : -1;
  }

  /**
   * Parses a cursor with the rules of Redis's strtoul-based parser, so the same texts are
   * accepted: an optional sign (a '-' wraps modulo 2^64), decimal digits, no leading space, no
   * trailing bytes except after a NUL, and the empty string means 0. Returns false for text
   * Redis rejects; otherwise stores the cursor in {@code out[0]}.
   */
  public static boolean parse(Args a, int arg, long[] out) {
    byte[] b = a.buffer();
    int i = a.offset(arg);
    int end = i + a.length(arg);
    for (int k = i; k < end; k++) {
      if (b[k] == 0) {
        end = k; // C sees the string end here
        break;
      }
    }
    if (i == end) {
      out[0] = 0;
      return true;
    }
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    if (i == end) return false;
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return false;
      if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) return false;
      long next = v * 10 + d;
      if (Long.compareUnsigned(next, v * 10) < 0) return false; // carried past 2^64
      v = next;
    }
    out[0] = negative ? -v : v;
    return true;
  }
}
