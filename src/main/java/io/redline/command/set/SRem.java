package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.set.SetValue;

/** SREM key member [member ...]: replies how many were removed; an emptied set is deleted. */
public final class SRem implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupWrite(1);
    if (!Sets.isSetOrAbsent(ctx, e)) return;
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    SetValue s = (SetValue) e.value();
    Args a = ctx.args;
    int removed = 0;
    for (int i = 2; i < a.size() && s.size() > 0; i++) {
      if (s.remove(a.buffer(), a.offset(i), a.length(i))) removed++;
    }
    if (removed > 0) {
      ctx.keyEvent(KeyEvent.SREM, e.key());
      if (s.size() == 0) {
        ctx.db().delete(e);
        ctx.keyEvent(KeyEvent.DEL, e.key());
      }
    }
    ctx.dirty(removed);
    ctx.reply.integer(removed);
  }
}
