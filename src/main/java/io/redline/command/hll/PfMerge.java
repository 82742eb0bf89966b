package io.redline.command.hll;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;

/**
 * PFMERGE destkey [sourcekey ...]: the destination (itself one of the inputs) gets the maximum of
 * every register. It stays sparse unless an input is dense or the merged registers do not fit, and
 * is written register by register in index order, as Redis does, so its bytes match Redis's.
 */
public final class PfMerge implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    byte[] max = new byte[HllLayout.REGISTERS];
    boolean anyDense = false;
    for (int i = 1; i < ctx.argc(); i++) {
      Entry e = ctx.lookupRead(i);
      if (e == null) continue;
      if (!HllValues.check(ctx, e.value())) return;
      HllSketch h = HllValues.view(e.value());
      if (h.isDense()) anyDense = true;
      if (!h.mergeInto(max)) {
        ctx.error(HllValues.CORRUPT);
        return;
      }
    }
    Entry dest = ctx.lookupWrite(1);
    if (dest == null) dest = HllValues.create(ctx, 1);
    StringBuilderValue sb = HllValues.unshare(dest);
    HllSketch h = new HllSketch(sb.array(), sb.length());
    if (anyDense && !h.toDense()) {
      ctx.error(HllValues.CORRUPT);
      return;
    }
    long sparseMax = HllValues.sparseMax(ctx);
    for (int j = 0; j < HllLayout.REGISTERS; j++) {
      if (max[j] != 0) h.raise(j, max[j], sparseMax);
    }
    HllLayout.invalidateCache(h.bytes());
    HllValues.commit(dest, sb, h);
    dest.touch(ctx.server.lruClock());
    ctx.keyEvent(KeyEvent.PFADD, dest.key());
    ctx.dirty(1);
    ctx.reply.ok();
  }
}
