package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/** LTRIM key start stop: keeps only that inclusive range; an empty range deletes the key. */
public final class LTrim implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long start;
    long stop;
    try {
      start = ListWrites.longArg(ctx.args, 2);
      stop = ListWrites.longArg(ctx.args, 3);
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    Entry e = ctx.lookupWrite(1);
    if (e == null) {
      ctx.reply.ok();
      return;
    }
    if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ListValue list = (ListValue) e.value();
    long len = list.size();
    if (start < 0) start += len;
    if (stop < 0) stop += len;
    if (start < 0) start = 0;
    // Redis reports "ltrim" even when nothing was cut, then "del" if everything was.
    ctx.keyEvent(KeyEvent.LTRIM, e.key());
    if (start > stop || start >= len) {
      ctx.db().delete(e);
      ctx.keyEvent(KeyEvent.DEL, e.key());
      ctx.dirty(len);
    } else {
      if (stop >= len) stop = len - 1;
      if (start > 0 || stop < len - 1) {
        list.retain((int) start, (int) stop);
        ctx.dirty(len - list.size());
      }
      e.touch(ctx.server.lruClock());
    }
    ctx.reply.ok();
  }
}
