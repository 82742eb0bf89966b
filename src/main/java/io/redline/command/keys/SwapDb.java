package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.shard.Scope;
import io.redline.shard.Shard;

/** SWAPDB index1 index2: every shard swaps its two databases, all under one hold, so no client sees half. */
public final class SwapDb implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long first = KeyArgs.intArg(ctx, 1, "ERR invalid first DB index");
    if (first == KeyArgs.BAD) return;
    long second = KeyArgs.intArg(ctx, 2, "ERR invalid second DB index");
    if (second == KeyArgs.BAD) return;
    if (!KeyArgs.validDb(ctx, first) || !KeyArgs.validDb(ctx, second)) {
      ctx.error(Errors.DB_INDEX);
      return;
    }
    if (first != second) {
      Scope scope = ctx.scope();
      for (int s = 0; s < ctx.server.router().shardCount(); s++) {
        Shard shard = scope.shard(s);
        if (shard == null) throw new IllegalStateException("SWAPDB must hold every shard");
        shard.database((int) first).swapWith(shard.database((int) second));
      }
    }
    ctx.dirty(1);
    ctx.reply.ok();
  }
}
