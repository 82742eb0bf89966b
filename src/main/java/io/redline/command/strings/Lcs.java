package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: longest common subsequence by the
 * classic dynamic-programming table, walked back from the end exactly as Redis walks it, so ties
 * pick the same subsequence and IDX lists the same ranges (last match first).
 */
public final class Lcs implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry ea = ctx.lookupRead(1);
    Entry eb = ctx.lookupRead(2);
    if ((ea != null && !StringValue.isString(ea.value())) || (eb != null && !StringValue.isString(eb.value()))) {
      ctx.error("ERR The specified keys must contain string values");
      return;
    }
    boolean len = false, idx = false, withMatchLen = false;
    long minMatchLen = 0;
    for (int i = 3; i < a.size(); i++) {
      if (a.is(i, "IDX")) {
        idx = true;
      } else if (a.is(i, "LEN")) {
        len = true;
      } else if (a.is(i, "WITHMATCHLEN")) {
        withMatchLen = true;
      } else if (a.is(i, "MINMATCHLEN") && i + 1 < a.size()) {
        i++;
        try {
          minMatchLen = Math.max(RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i)), 0);
        } catch (NumberFormatException ex) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    if (idx && len) {
      ctx.error("ERR If you want both the length and indexes, please just use IDX.");
      return;
    }
    byte[] x = ea == null ? new byte[0] : StringValue.bytes(ea.value());
    byte[] y = eb == null ? new byte[0] : StringValue.bytes(eb.value());
    // Redis refuses a table (4 bytes a cell) larger than proto-max-bulk-len, even for LEN.
    long cells = (long) (x.length + 1) * (y.length + 1);
    if (cells > ctx.server.config().getLong("proto-max-bulk-len") / 4) {
      ctx.error("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
      return;
    }
    if (len) {
      ctx.reply.integer(lengthOnly(x, y));
      return;
    }
    int[] table = table(x, y, cells);
    if (table == null) {
      ctx.error("ERR Insufficient memory, failed allocating transient memory for LCS");
      return;
    }
    walkBack(ctx.reply, x, y, table, idx, minMatchLen, withMatchLen);
  }

  /** LEN needs no walk back, so two rows of the table will do. */
  private static int lengthOnly(byte[] x, byte[] y) {
    int[] prev = new int[y.length + 1];
    int[] row = new int[y.length + 1];
    for (int i = 1; i <= x.length; i++) {
      for (int j = 1; j <= y.length; j++) {
        row[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
      }
      int[] t = prev;
      prev = row;
      row = t;
    }
    return prev[y.length];
  }

  /**
   * The full table, cell (i, j) at j + i * (|y| + 1), or null when it cannot fit in the heap (as
   * Redis answers an error when malloc refuses it).
   */
  private static int[] table(byte[] x, byte[] y, long cells) {
    int w = y.length + 1;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    // Leave half the free heap to everything else this server is doing.
    if (cells > Integer.MAX_VALUE - 8 || cells * 4 > free / 2) return null;
    int[] t;
    try {
      t = new int[(int) cells];
    } catch (OutOfMemoryError e) {
      return null;
    }
    for (int i = 1; i <= x.length; i++) {
      int row = i * w, up = row - w;
      for (int j = 1; j <= y.length; j++) {
        t[row + j] = x[i - 1] == y[j - 1] ? t[up + j - 1] + 1 : Math.max(t[up + j], t[row + j - 1]);
      }
    }
    return t;
  }

  private static void walkBack(ReplyWriter out, byte[] x, byte[] y, int[] t, boolean idx,
                               long minMatchLen, boolean withMatchLen) {
    int w = y.length + 1;
    int total = t[x.length * w + y.length];
    byte[] result = new byte[total];
    int k = total;
    // Ranges are found from the end; with IDX they are written as found, so count them first.
    int matches = 0;
    long[] ranges = idx ? new long[4 * Math.max(total, 1)] : null;
    int aStart = -1, aEnd = 0, bStart = 0, bEnd = 0;
    int i = x.length, j = y.length;
    while (i > 0 && j > 0) {
      boolean emit = false;
      if (x[i - 1] == y[j - 1]) {
        result[--k] = x[i - 1];
        if (aStart < 0) {
          aStart = aEnd = i - 1;
          bStart = bEnd = j - 1;
        } else {
          // The previous step matched at (i, j) + 1, so the range just grows backwards.
          aStart--;
          bStart--;
        }
        if (aStart == 0 || bStart == 0) emit = true;
        i--;
        j--;
      } else {
        if (t[(i - 1) * w + j] > t[i * w + j - 1]) i--;
        else j--;
        if (aStart >= 0) emit = true;
      }
      if (emit) {
        int matchLen = aEnd - aStart + 1;
        if (idx && (minMatchLen == 0 || matchLen >= minMatchLen)) {
          ranges[4 * matches] = aStart;
          ranges[4 * matches + 1] = aEnd;
          ranges[4 * matches + 2] = bStart;
          ranges[4 * matches + 3] = bEnd;
          matches++;
        }
        aStart = -1;
      }
    }
    if (!idx) {
      out.bulk(result);
      return;
    }
    out.map(2);
    out.bulk("matches");
    out.array(matches);
    for (int m = 0; m < matches; m++) {
      out.array(withMatchLen ? 3 : 2);
      out.array(2);
      out.integer(ranges[4 * m]);
      out.integer(ranges[4 * m + 1]);
      out.array(2);
      out.integer(ranges[4 * m + 2]);
      out.integer(ranges[4 * m + 3]);
      if (withMatchLen) out.integer(ranges[4 * m + 1] - ranges[4 * m] + 1);
    }
    out.bulk("len");
    out.integer(total);
  }
}
