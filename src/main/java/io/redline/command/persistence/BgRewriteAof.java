package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * BGREWRITEAOF: holding every shard for an instant, opens a new incr file (where writes go from
 * now on) and takes the point in time of a new RDB base, written by the shards as they go on
 * serving (the BGSAVE machinery). Behind a running BGSAVE it is scheduled, as in Redis.
 */
public final class BgRewriteAof implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    String result = ctx.server.aof().rewrite(HeldShards.all(ctx));
    if (result == null) ctx.reply.simple("Background append only file rewriting started");
    else if (result.startsWith("+")) ctx.reply.simple(result.substring(1));
    else ctx.error(result);
  }
}
