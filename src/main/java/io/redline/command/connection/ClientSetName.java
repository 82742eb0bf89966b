package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** CLIENT SETNAME name: an empty name clears it. */
public final class ClientSetName implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (!ClientNames.valid(ctx.args, 2)) {
      ctx.error(ClientNames.BAD_NAME);
      return;
    }
    ctx.client().name(ctx.args.string(2));
    ctx.reply.ok();
  }
}
