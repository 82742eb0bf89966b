package io.redline.command;

import io.redline.protocol.Args;
import io.redline.util.RedisNumbers;

/**
 * Timeout arguments with Redis's errors: seconds as a float (blocking commands, 0 = forever), or
 * whole milliseconds (CLIENT PAUSE, WAIT: its getTimeoutFromObjectOrReply in milliseconds).
 */
public final class BlockingTimeout {
  private BlockingTimeout() {}

  /** The timeout in ms (0 = forever), or -1 after writing Redis's error. Sub-millisecond timeouts truncate to 0, as in Redis. */
  public static long millis(CommandContext ctx, int arg) {
    Args a = ctx.args;
    double seconds;
    try {
      seconds = RedisNumbers.parseDouble(a.buffer(), a.offset(arg), a.length(arg));
    } catch (NumberFormatException e) {
      ctx.error("ERR timeout is not a float or out of range");
      return -1;
    }
    double ms = seconds * 1000.0;
    // Redis 7.0 truncates to long long; values beyond its range (inf, 1e30) come out negative there.
    long t = ms >= 0x1p63 ? -1 : (long) ms;
    if (t < 0) {
      ctx.error("ERR timeout is negative");
      return -1;
    }
    return t;
  }

  /** A timeout in whole milliseconds, or -1 after writing Redis's error. */
  public static long integerMillis(CommandContext ctx, int arg) {
    Args a = ctx.args;
    long t;
    try {
      t = RedisNumbers.parseLong(a.buffer(), a.offset(arg), a.length(arg));
    } catch (NumberFormatException e) {
      ctx.error("ERR timeout is not an integer or out of range");
      return -1;
    }
    if (t < 0) {
      ctx.error("ERR timeout is negative");
      return -1;
    }
    return t;
  }
}
