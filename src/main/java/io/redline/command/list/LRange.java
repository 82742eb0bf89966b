package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/** LRANGE key start stop: the elements in that inclusive range; negative indexes count from the tail. */
public final class LRange implements CommandHandler {
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
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.emptyArray();
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
    if (start > stop || start >= len) {
      ctx.reply.emptyArray();
      return;
    }
    if (stop >= len) stop = len - 1;
    int last = (int) stop;
    ReplyWriter out = ctx.reply;
    out.array(last - (int) start + 1);
    list.scan((int) start, true, (i, b, off, n) -> {
      out.bulk(b, off, n);
      return i < last;
    });
  }
}
