package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/** DBSIZE: keys in the selected database over all shards (like Redis, counting expired keys not yet reclaimed). */
public final class DbSize implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.integer(ctx.db().size());
  }
}
