package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** TOUCH key [key ...]: refreshes each key's access clock; replies how many exist. */
public final class Touch implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long n = 0;
    for (int i = 1; i < ctx.argc(); i++) if (ctx.lookupRead(i) != null) n++;
    ctx.reply.integer(n);
  }
}
