package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** PING [message] */
public final class Ping implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 2) {
      ctx.error("ERR wrong number of arguments for 'ping' command");
    } else if (ctx.client() != null && ctx.client().inSubscribedMode()) {
      // RESP2 subscribed mode: Redis answers in the shape of a message, ["pong", message or ""].
      ctx.reply.array(2);
      ctx.reply.bulk("pong");
      if (ctx.argc() == 2) ctx.reply.bulk(ctx.args.buffer(), ctx.args.offset(1), ctx.args.length(1));
      else ctx.reply.bulk(new byte[0]);
    } else if (ctx.argc() == 2) {
      ctx.reply.bulk(ctx.args.buffer(), ctx.args.offset(1), ctx.args.length(1));
    } else {
      ctx.reply.simple("PONG");
    }
  }
}
