package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** COMMAND COUNT: served top-level commands. */
public final class CommandCount implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.integer(ctx.server.commands().all().size());
  }
}
