package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.util.RedisNumbers;

/** Expiry arguments shared by SET, SETEX, PSETEX and GETEX: relative or absolute, s or ms. */
final class Expiry {
  private Expiry() {}

  /**
   * The absolute expiry in ms for the value at {@code arg} in {@code unit} (EX, PX, EXAT, PXAT),
   * or Long.MIN_VALUE after writing Redis's error.
   */
  static long absoluteMillis(CommandContext ctx, int arg, String unit, String command) {
    long v;
    try {
      v = RedisNumbers.parseLong(ctx.args.buffer(), ctx.args.offset(arg), ctx.args.length(arg));
    } catch (NumberFormatException e) {
      ctx.error(Errors.NOT_INTEGER);
      return Long.MIN_VALUE;
    }
    if (v <= 0) {
      ctx.error(String.format(Errors.INVALID_EXPIRE, command));
      return Long.MIN_VALUE;
    }
    boolean seconds = unit.equals("EX") || unit.equals("EXAT");
    if (seconds) {
      if (v > Long.MAX_VALUE / 1000) {
        ctx.error(String.format(Errors.INVALID_EXPIRE, command));
        return Long.MIN_VALUE;
      }
      v *= 1000;
    }
    if (unit.equals("EX") || unit.equals("PX")) {
      if (v > Long.MAX_VALUE - ctx.now) {
        ctx.error(String.format(Errors.INVALID_EXPIRE, command));
        return Long.MIN_VALUE;
      }
      v += ctx.now;
    }
    return v;
  }
}
