package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.shard.Keyspace;
import io.redline.store.Database;

/**
 * FLUSHDB [ASYNC | SYNC] and FLUSHALL [ASYNC | SYNC], holding every shard. Both modes drop the
 * tables at once: the old ones are garbage, so ASYNC has nothing left to do in the background.
 */
public final class Flush implements CommandHandler {
  private final boolean all;

  public Flush(boolean all) {
    this.all = all;
  }

  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 2 || (ctx.argc() == 2 && !ctx.args.is(1, "SYNC") && !ctx.args.is(1, "ASYNC"))) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long removed = 0;
    if (all) {
      for (int i = 0; i < KeyArgs.databases(ctx); i++) removed += clear(ctx.db(i));
      removed++; // Redis counts FLUSHALL itself as one more change
      // As Redis: stop a BGSAVE and, with save points set, save the empty dataset (docs/persistence.md).
      ctx.server.persistence().flushedAll(heldShards(ctx));
    } else {
      removed = clear(ctx.db());
    }
    ctx.dirty(removed);
    ctx.flushed();
    ctx.reply.ok();
  }

  private static io.redline.shard.Shard[] heldShards(CommandContext ctx) {
    io.redline.shard.Shard[] shards = new io.redline.shard.Shard[ctx.server.router().shardCount()];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = ctx.scope().shard(i);
      if (shards[i] == null) return null; // a script holding only some shards: nothing to save from
    }
    return shards;
  }

  private static long clear(Keyspace k) {
    long n = k.size();
    k.forEachDatabase(Database::clear);
    return n;
  }
}
