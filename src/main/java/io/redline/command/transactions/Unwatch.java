package io.redline.command.transactions;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** UNWATCH: forget every watched key. */
public final class Unwatch implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.client().unwatch();
    ctx.reply.ok();
  }
}
