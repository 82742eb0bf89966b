package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;

/**
 * CLIENT PAUSE timeout [WRITE|ALL]: commands (all, or those that write) from every client wait
 * until the timeout or CLIENT UNPAUSE; the dispatcher holds them without blocking any loop.
 */
public final class ClientPause implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    if (ctx.argc() > 4) {
      Errors.subcommandSyntax(ctx);
      return;
    }
    long timeout = io.redline.command.BlockingTimeout.integerMillis(ctx, 2);
    if (timeout < 0) return;
    boolean writesOnly = false;
    if (ctx.argc() == 4) {
      if (a.is(3, "WRITE")) writesOnly = true;
      else if (!a.is(3, "ALL")) {
        ctx.error("ERR CLIENT PAUSE mode must be WRITE or ALL");
        return;
      }
    }
    long now = System.currentTimeMillis();
    long until = timeout > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeout;
    ctx.server.clients().pause(until, writesOnly);
    ctx.reply.ok();
  }
}
