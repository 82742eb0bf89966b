package io.redline.command.memory;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.memory.ValueSize;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.util.RedisNumbers;

/**
 * MEMORY USAGE key [SAMPLES count]: the bytes the key, its value and its table slots take on the
 * heap, collections measured from their first {@code count} elements (default 5, 0 = all), as
 * Redis samples. Options are checked before the key is looked up, as in Redis.
 */
public final class MemoryUsage implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long samples = ValueSize.DEFAULT_SAMPLES;
    for (int j = 3; j < a.size(); j++) {
      if (a.is(j, "SAMPLES") && j + 1 < a.size()) {
        try {
          samples = RedisNumbers.parseLong(a.buffer(), a.offset(j + 1), a.length(j + 1));
        } catch (NumberFormatException e) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        if (samples < 0) {
          ctx.error(Errors.SYNTAX);
          return;
        }
        j++;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    // Redis's objectCommandLookup: no hit/miss side effects beyond the counters, no touch.
    Entry e = ctx.db().db(a.buffer(), a.offset(2), a.length(2)).lookupReadNoNotify(a.buffer(), a.offset(2), a.length(2), ctx.now);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    int n = samples == 0 || samples > Integer.MAX_VALUE ? 0 : (int) samples;
    ctx.reply.integer(ValueSize.entry(e.key(), e.value(), e.hasExpiry(), n));
  }
}
