package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamValue;
import io.redline.store.Entry;

/** XLEN key: the number of entries, 0 for a missing key. */
public final class XLen implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
    } else if (e.value() instanceof StreamValue s) {
      ctx.reply.integer(s.length());
    } else {
      ctx.error(Errors.WRONGTYPE);
    }
  }
}
