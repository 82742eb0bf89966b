package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;

/**
 * INCR, DECR, INCRBY and DECRBY. The result is stored as a Long (encoding "int") and keeps the
 * key's TTL; a missing key counts as 0.
 */
public final class IncrBy implements CommandHandler {
  /** The fixed step of INCR/DECR, or 0 when the step is argument 2 (negated for DECRBY). */
  private final long fixed;
  private final boolean negate;

  private IncrBy(long fixed, boolean negate) {
    this.fixed = fixed;
    this.negate = negate;
  }

  static IncrBy incr() { return new IncrBy(1, false); }
  static IncrBy decr() { return new IncrBy(-1, false); }
  static IncrBy incrBy() { return new IncrBy(0, false); }
  static IncrBy decrBy() { return new IncrBy(0, true); }

  @Override
  public void execute(CommandContext ctx) {
    long step = fixed;
    if (step == 0) {
      try {
        step = RedisNumbers.parseLong(ctx.args.buffer(), ctx.args.offset(2), ctx.args.length(2));
      } catch (NumberFormatException ex) {
        ctx.error(Errors.NOT_INTEGER);
        return;
      }
      if (negate) {
        if (step == Long.MIN_VALUE) {
          ctx.error("ERR decrement would overflow");
          return;
        }
        step = -step;
      }
    }
    Entry e = ctx.lookupWrite(1);
    long current = 0;
    if (e != null) {
      Object v = e.value();
      if (!StringValue.isString(v)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      if (v instanceof Long l) {
        current = l;
      } else {
        byte[] b = v instanceof byte[] bytes ? bytes : ((StringBuilderValue) v).array();
        int len = StringValue.length(v);
        if (!RedisNumbers.isLong(b, 0, len)) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        current = RedisNumbers.parseLong(b, 0, len);
      }
    }
    long result = current + step;
    // Overflow iff both operands share a sign that the result does not.
    if (((current ^ result) & (step ^ result)) < 0) {
      ctx.error(Errors.OVERFLOW);
      return;
    }
    e = StringWrites.store(ctx, ctx.db(), e, 1, result, true);
    ctx.keyEvent(KeyEvent.INCRBY, e.key());
    ctx.dirty(1);
    ctx.reply.integer(result);
  }
}
