package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/** LLEN key: the list's length, 0 for a missing key. */
public final class LLen implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
    } else if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
    } else {
      ctx.reply.integer(((ListValue) e.value()).size());
    }
  }
}
