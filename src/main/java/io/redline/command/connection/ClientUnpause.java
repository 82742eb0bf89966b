package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** CLIENT UNPAUSE: ends a CLIENT PAUSE and lets the held commands run. */
public final class ClientUnpause implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.server.clients().unpause();
    ctx.reply.ok();
  }
}
