package io.redline.command.transactions;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** MULTI: start queuing commands for EXEC. */
public final class Multi implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.client().inMulti()) {
      ctx.error("ERR MULTI calls can not be nested");
      return;
    }
    ctx.client().multi();
    ctx.reply.ok();
  }
}
