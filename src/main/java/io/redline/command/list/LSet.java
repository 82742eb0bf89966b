package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/** LSET key index element: replaces the element at index; the key must exist and the index be in range. */
public final class LSet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupWrite(1);
    if (e == null) {
      ctx.error(Errors.NO_SUCH_KEY);
      return;
    }
    if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    long index;
    try {
      index = ListWrites.longArg(ctx.args, 2);
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    ListValue list = (ListValue) e.value();
    if (index < 0) index += list.size();
    if (index < 0 || index >= list.size()) {
      ctx.error("ERR index out of range");
      return;
    }
    list.set((int) index, ctx.args.bytes(3));
    e.touch(ctx.server.lruClock());
    ctx.keyEvent(KeyEvent.LSET, e.key());
    ctx.dirty(1);
    ctx.reply.ok();
  }
}
