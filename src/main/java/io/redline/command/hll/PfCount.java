package io.redline.command.hll;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.hll.HllEstimator;
import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;

/**
 * PFCOUNT key [key ...]. One key: the cached cardinality, or a fresh estimate that is then cached
 * in the value's header (a write, as in Redis). Several keys: the estimate of their union, merged
 * register by register into a scratch array; nothing is written.
 */
public final class PfCount implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 2) {
      union(ctx);
      return;
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!HllValues.check(ctx, e.value())) return;
    StringBuilderValue sb = HllValues.unshare(e);
    byte[] b = sb.array();
    if (HllLayout.cacheValid(b)) {
      ctx.reply.integer(HllLayout.cachedCardinality(b));
      return;
    }
    Long card = new HllSketch(b, sb.length()).estimate();
    if (card == null) {
      ctx.error(HllValues.CORRUPT);
      return;
    }
    HllLayout.cacheCardinality(b, card);
    ctx.dirty(1);
    ctx.reply.integer(card);
  }

  private static void union(CommandContext ctx) {
    byte[] max = new byte[HllLayout.REGISTERS];
    for (int i = 1; i < ctx.argc(); i++) {
      Entry e = ctx.lookupRead(i);
      if (e == null) continue;
      if (!HllValues.check(ctx, e.value())) return;
      if (!HllValues.view(e.value()).mergeInto(max)) {
        ctx.error(HllValues.CORRUPT);
        return;
      }
    }
    int[] hist = new int[64];
    for (byte v : max) hist[v]++;
    ctx.reply.integer(HllEstimator.estimate(hist));
  }
}
