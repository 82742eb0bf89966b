package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.shard.Scope;
import io.redline.shard.Shard;

/** The shards an ALL_SHARDS persistence command holds, in index order (a save or load needs every one). */
final class HeldShards {
  private HeldShards() {}

  static Shard[] all(CommandContext ctx) {
    Scope scope = ctx.scope();
    int n = ctx.server.router().shardCount();
    Shard[] shards = new Shard[n];
    for (int i = 0; i < n; i++) {
      shards[i] = scope.shard(i);
      if (shards[i] == null) throw new IllegalStateException(ctx.spec.name() + " must hold every shard");
    }
    return shards;
  }
}
