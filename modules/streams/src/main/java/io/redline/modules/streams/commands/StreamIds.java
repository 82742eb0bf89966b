package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.modules.streams.store.StreamId;
import io.redline.protocol.Args;
import io.redline.util.RedisNumbers;

/**
 * Stream ID arguments, read exactly as Redis 7.0 reads them (streamGenericParseIDOrReply): "ms",
 * "ms-seq", "-" and "+" (unless strict), "ms-*" where a sequence may be generated, each number
 * as C's strtoull takes it (so " 5", "+5" and "-0" pass), at most 127 bytes, cut at a NUL.
 */
final class StreamIds {
  private StreamIds() {}

  static final String INVALID = "ERR Invalid stream ID specified as stream command argument";

  /** Set by {@link #parse} when given a {@code seqGiven} array: false for "ms-*". */
  static StreamId parse(Args a, int i, long missingSeq, boolean strict, boolean[] seqGiven) {
    return parse(a.buffer(), a.offset(i), a.length(i), missingSeq, strict, seqGiven);
  }

  private static StreamId parse(byte[] b, int off, int len, long missingSeq, boolean strict, boolean[] seqGiven) {
    if (len > 127) return null;
    int end = off;
    while (end < off + len && b[end] != 0) end++;
    int n = end - off;
    if (strict && n == 1 && (b[off] == '-' || b[off] == '+')) return null;
    if (seqGiven != null) seqGiven[0] = true;
    if (n == 1 && b[off] == '-') return StreamId.MIN;
    if (n == 1 && b[off] == '+') return StreamId.MAX;
    int dash = -1;
    for (int k = off; k < end; k++) {
      if (b[k] == '-') {
        dash = k;
        break;
      }
    }
    long[] v = new long[1];
    if (!unsignedLong(b, off, dash < 0 ? end : dash, v)) return null;
    long ms = v[0], seq;
    if (dash < 0) {
      seq = missingSeq;
    } else if (seqGiven != null && end - dash == 2 && b[dash + 1] == '*') {
      seq = 0;
      seqGiven[0] = false;
    } else {
      if (!unsignedLong(b, dash + 1, end, v)) return null;
      seq = v[0];
    }
    return new StreamId(ms, seq);
  }

  /** As {@link #parse} (no "ms-*"); on failure writes Redis's error and returns null. */
  static StreamId parseOrReply(CommandContext ctx, int i, long missingSeq, boolean strict) {
    StreamId id = parse(ctx.args, i, missingSeq, strict, null);
    if (id == null) ctx.error(INVALID);
    return id;
  }

  /**
   * A range bound: "(" before an ID excludes it (then "-" and "+" are refused). Returns the
   * inclusive bound, or null after writing the error (also when excluding leaves nothing).
   */
  static StreamId bound(CommandContext ctx, int i, boolean start) {
    Args a = ctx.args;
    boolean exclusive = a.length(i) > 1 && a.buffer()[a.offset(i)] == '(';
    StreamId id;
    if (exclusive) {
      id = parse(a.buffer(), a.offset(i) + 1, a.length(i) - 1, start ? 0 : -1L, true, null);
    } else {
      id = parse(a, i, start ? 0 : -1L, false, null);
    }
    if (id == null) {
      ctx.error(INVALID);
      return null;
    }
    if (!exclusive) return id;
    StreamId moved = start ? id.next() : id.previous();
    if (moved == null) ctx.error(start ? "ERR invalid start ID for the interval" : "ERR invalid end ID for the interval");
    return moved;
  }

  /**
   * Redis's string2ull: string2ll when that takes it (negatives refused), else C's strtoull
   * (leading spaces, a sign — '-' negates modulo 2^64 — digits, nothing after; no overflow).
   */
  static boolean unsignedLong(byte[] b, int from, int to, long[] out) {
    int len = to - from;
    if (len > 0 && RedisNumbers.isLong(b, from, len)) {
      long v = RedisNumbers.parseLong(b, from, len);
      if (v < 0) return false;
      out[0] = v;
      return true;
    }
    int i = from;
    while (i < to && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) i++;
    boolean negative = false;
    if (i < to && (b[i] == '+' || b[i] == '-')) negative = b[i++] == '-';
    if (i >= to || b[i] < '0' || b[i] > '9') return false;
    long acc = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return false;
      if (Long.compareUnsigned(acc, Long.divideUnsigned(-1L - d, 10)) > 0) return false; // ERANGE
      acc = acc * 10 + d;
    }
    out[0] = negative ? -acc : acc;
    return true;
  }
}
