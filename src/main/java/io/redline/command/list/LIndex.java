package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/** LINDEX key index: the element there (negative counts from the tail), or a null bulk. */
public final class LIndex implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.nullBulk();
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
      ctx.reply.nullBulk();
      return;
    }
    ReplyWriter out = ctx.reply;
    list.scan((int) index, true, (i, b, off, n) -> {
      out.bulk(b, off, n);
      return false;
    });
  }
}
