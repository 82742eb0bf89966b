package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/** ZREM key member [member ...]: how many were removed; an emptied set's key is deleted. */
public final class ZRem implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ZSets.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    Args a = ctx.args;
    long removed = 0;
    for (int i = 2; i < a.size() && z.size() > 0; i++) {
      if (z.remove(a.buffer(), a.offset(i), a.length(i))) removed++;
    }
    if (removed > 0) {
      ZSets.removed(ctx, e, z, KeyEvent.ZREM);
      ctx.dirty(removed);
    }
    ctx.reply.integer(removed);
  }
}
