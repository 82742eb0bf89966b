package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** PING [message] */
public final class Ping implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 2) {
      ctx.error("ERR wrong number of arguments for 'ping' command");
    } else if (ctx.argc() == 2) {
      ctx.reply.bulk(ctx.args.buffer(), ctx.args.offset(1), ctx.args.length(1));
    } else {
      ctx.reply.simple("PONG");
    }
  }
}
