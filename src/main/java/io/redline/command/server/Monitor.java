package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * MONITOR: the client is shown every command the server runs from now on (server/Monitors).
 * Answers +OK; a client that already monitors gets no reply at all, and one inside MULTI Redis's
 * DENY BLOCKING error, as in Redis. RESET ends it.
 */
final class Monitor implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (!ctx.mayBlock()) {
      ctx.error("ERR MONITOR isn't allowed for DENY BLOCKING client");
      return;
    }
    if (ctx.client().startMonitoring()) ctx.reply.ok();
  }
}
