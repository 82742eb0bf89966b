package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/** ZCARD key: the number of members, 0 for a missing key. */
public final class ZCard implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
    } else if (e.value() instanceof ZSetValue z) {
      ctx.reply.integer(z.size());
    } else {
      ctx.error(Errors.WRONGTYPE);
    }
  }
}
