package io.redline.command.transactions;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** DISCARD: drop the queued commands and the watches. */
public final class Discard implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (!ctx.client().inMulti()) {
      ctx.error("ERR DISCARD without MULTI");
      return;
    }
    ctx.client().endMulti();
    ctx.reply.ok();
  }
}
