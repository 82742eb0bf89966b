package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** CLIENT ID */
public final class ClientId implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.integer(ctx.client().id());
  }
}
