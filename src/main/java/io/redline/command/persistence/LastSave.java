package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** LASTSAVE: the Unix time of the last successful save (server start counts as one, as in Redis). */
public final class LastSave implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.integer(ctx.server.persistence().lastSaveSeconds());
  }
}
