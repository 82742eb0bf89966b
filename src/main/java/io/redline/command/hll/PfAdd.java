package io.redline.command.hll;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;

/** PFADD key [element ...]: 1 if the key was created or any register changed, else 0. */
public final class PfAdd implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry e = ctx.lookupWrite(1);
    int updated = 0;
    StringBuilderValue sb;
    if (e == null) {
      e = HllValues.create(ctx, 1);
      sb = (StringBuilderValue) e.value();
      updated++;
    } else {
      if (!HllValues.check(ctx, e.value())) return;
      sb = HllValues.unshare(e);
    }
    HllSketch h = new HllSketch(sb.array(), sb.length());
    long sparseMax = HllValues.sparseMax(ctx);
    for (int i = 2; i < a.size(); i++) {
      int r = h.add(a.buffer(), a.offset(i), a.length(i), sparseMax);
      if (r < 0) {
        // Redis keeps what was added before the corrupt part was reached.
        HllValues.commit(e, sb, h);
        ctx.error(HllValues.CORRUPT);
        return;
      }
      updated += r;
    }
    if (updated > 0) {
      HllLayout.invalidateCache(h.bytes());
      ctx.dirty(updated);
    }
    HllValues.commit(e, sb, h);
    if (updated > 0) ctx.keyEvent(KeyEvent.PFADD, e.key());
    e.touch(ctx.server.lruClock());
    ctx.reply.integer(updated > 0 ? 1 : 0);
  }
}
