package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import java.io.IOException;

/** CONFIG REWRITE: writes the current settings back into the config file the server started with. */
public final class ConfigRewrite implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.server.config().file() == null) {
      ctx.error("ERR The server is running without a config file");
      return;
    }
    try {
      ctx.server.config().rewrite();
      ctx.reply.ok();
    } catch (IOException e) {
      ctx.error("ERR Rewriting config file: " + e.getMessage());
    }
  }
}
