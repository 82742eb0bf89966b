package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.shard.Keyspace;

/** EXISTS key [key ...]: counts a key once per mention; does not refresh the access clock. */
public final class Exists implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Keyspace db = ctx.db();
    long n = 0;
    for (int i = 1; i < ctx.argc(); i++) if (db.lookupRead(ctx.args, i, ctx.now) != null) n++;
    ctx.reply.integer(n);
  }
}
