package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** ECHO message */
public final class Echo implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.bulk(ctx.args.buffer(), ctx.args.offset(1), ctx.args.length(1));
  }
}
