package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** CLIENT INFO: this connection's CLIENT LIST line. */
public final class ClientInfo implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.verbatim(ClientLine.of(ctx.client(), System.currentTimeMillis()));
  }
}
