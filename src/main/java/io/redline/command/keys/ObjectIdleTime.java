package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;

/** OBJECT IDLETIME key: seconds since the key was last read or written (without touching it now). */
public final class ObjectIdleTime implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = KeyArgs.objectLookup(ctx, 2);
    if (e == null) ctx.reply.nullBulk();
    else ctx.reply.integer(Math.max(0, ctx.server.lruClock() - e.accessClock()));
  }
}
