package io.redline.command.transactions;

import io.redline.command.CommandContext;
import io.redline.command.SequencedCommand;

/**
 * WATCH key [key ...]: runs on the keys' shard(s), where it registers the client as a watcher.
 * Later commands of the client wait for it (so an EXEC right behind it checks these keys). The
 * "inside MULTI" refusal is checked here because the dispatcher lets WATCH through while queuing.
 */
public final class Watch implements SequencedCommand {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.client().inMulti()) {
      ctx.error("ERR WATCH inside MULTI is not allowed");
      return;
    }
    ctx.client().watch(ctx);
    ctx.reply.ok();
  }
}
