package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * LREM key count element: removes the first count matches (count > 0), the last -count (count < 0)
 * or all (0). The number removed.
 */
public final class LRem implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long count;
    try {
      count = ListWrites.longArg(a, 2);
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    Entry e = ctx.lookupWrite(1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ListValue list = (ListValue) e.value();
    long removed = list.remove(a.buffer(), a.offset(3), a.length(3), count);
    if (removed > 0) {
      e.touch(ctx.server.lruClock());
      ctx.dirty(removed);
      ctx.keyEvent(KeyEvent.LREM, e.key());
      ListWrites.deleteIfEmpty(ctx, e, list);
    }
    ctx.reply.integer(removed);
  }
}
