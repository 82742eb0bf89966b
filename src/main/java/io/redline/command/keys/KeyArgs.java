package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.util.RedisNumbers;

/** Argument parsing shared by the key family: database numbers, with Redis's exact error texts. */
final class KeyArgs {
  /** Returned by {@link #intArg} after it has written the error. */
  static final long BAD = Long.MIN_VALUE;
  /** COPY or MOVE onto the very key it came from. */
  static final String SAME_OBJECT = "ERR source and destination objects are the same";

  private KeyArgs() {}

  /**
   * A 32-bit integer argument as Redis's getIntFromObjectOrReply reads it: with {@code error}
   * null, a non-integer and an out-of-range integer get two different texts; otherwise both get
   * {@code error}.
   */
  static long intArg(CommandContext ctx, int arg, String error) {
    long v;
    try {
      v = RedisNumbers.parseLong(ctx.args.buffer(), ctx.args.offset(arg), ctx.args.length(arg));
    } catch (NumberFormatException e) {
      ctx.error(error != null ? error : Errors.NOT_INTEGER);
      return BAD;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      ctx.error(error != null ? error
          : "ERR value is out of range, value must between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
      return BAD;
    }
    return v;
  }

  /** True when arguments i and j are the same bytes (RENAME, COPY onto the same key). */
  static boolean sameArg(Args a, int i, int j) {
    byte[] b = a.buffer();
    return java.util.Arrays.equals(b, a.offset(i), a.offset(i) + a.length(i), b, a.offset(j), a.offset(j) + a.length(j));
  }

  /**
   * OBJECT's lookup of the key at argument {@code i}: counted as a hit or miss, but a miss fires no
   * "keymiss" event (Redis's objectCommandLookup).
   */
  static io.redline.store.Entry objectLookup(CommandContext ctx, int i) {
    Args a = ctx.args;
    return ctx.db().db(a.buffer(), a.offset(i), a.length(i)).lookupReadNoNotify(a.buffer(), a.offset(i), a.length(i), ctx.now);
  }

  /** How many numbered databases there are (the same on every shard). */
  static int databases(CommandContext ctx) {
    return ctx.server.router().shard(0).databaseCount();
  }

  static boolean validDb(CommandContext ctx, long index) {
    return index >= 0 && index < databases(ctx);
  }
}
