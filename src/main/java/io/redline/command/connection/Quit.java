package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** QUIT: replies OK, then the connection closes once every earlier reply has gone out. */
public final class Quit implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.ok();
    ctx.client().closeAfterReplies();
  }
}
