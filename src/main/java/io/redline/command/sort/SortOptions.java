package io.redline.command.sort;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.util.RedisNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of one SORT / SORT_RO call, parsed left to right as Redis 7.0 does: a repeated
 * option replaces the earlier one (GET accumulates), the first bad argument decides the error,
 * and all of that happens before the key is looked at (so a syntax error beats WRONGTYPE).
 */
final class SortOptions {
  boolean desc;
  boolean alpha;
  long limitStart;
  long limitCount = -1;
  /** BY pattern, or null. */
  byte[] by;
  /**
   * Set by any BY without a '*' (conventionally "BY nosort"); a later BY with a '*' does not
   * clear it, as in Redis.
   */
  boolean dontSort;
  /** Argument index of the STORE destination, or -1. */
  int storeArg = -1;
  final List<byte[]> gets = new ArrayList<>();

  private SortOptions() {}

  /** The options, or null after replying the error (SORT_RO knows no STORE: a syntax error). */
  static SortOptions parse(CommandContext ctx, boolean readOnly) {
    Args a = ctx.args;
    SortOptions o = new SortOptions();
    int argc = a.size();
    for (int j = 2; j < argc; j++) {
      int left = argc - j - 1;
      if (a.is(j, "ASC")) {
        o.desc = false;
      } else if (a.is(j, "DESC")) {
        o.desc = true;
      } else if (a.is(j, "ALPHA")) {
        o.alpha = true;
      } else if (a.is(j, "LIMIT") && left >= 2) {
        if (!RedisNumbers.isLong(a.buffer(), a.offset(j + 1), a.length(j + 1))
            || !RedisNumbers.isLong(a.buffer(), a.offset(j + 2), a.length(j + 2))) {
          ctx.error(Errors.NOT_INTEGER);
          return null;
        }
        o.limitStart = RedisNumbers.parseLong(a.buffer(), a.offset(j + 1), a.length(j + 1));
        o.limitCount = RedisNumbers.parseLong(a.buffer(), a.offset(j + 2), a.length(j + 2));
        j += 2;
      } else if (!readOnly && a.is(j, "STORE") && left >= 1) {
        o.storeArg = ++j;
      } else if (a.is(j, "BY") && left >= 1) {
        o.by = a.bytes(++j);
        if (SortPattern.star(o.by) < 0) o.dontSort = true;
      } else if (a.is(j, "GET") && left >= 1) {
        o.gets.add(a.bytes(++j));
      } else {
        ctx.error(Errors.SYNTAX);
        return null;
      }
    }
    return o;
  }
}
