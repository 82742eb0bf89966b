package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** CLIENT GETNAME: null when no name is set. */
public final class ClientGetName implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    String name = ctx.client().name();
    if (name.isEmpty()) ctx.reply.nullBulk();
    else ctx.reply.bulk(name);
  }
}
