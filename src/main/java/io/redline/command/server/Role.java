package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * ROLE: a primary, at replication offset 0, with no replicas — what Redline is until replication
 * exists, and what INFO replication says too.
 */
final class Role implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.array(3);
    ctx.reply.bulk("master");
    ctx.reply.integer(0);
    ctx.reply.array(0);
  }
}
