package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.CommandSpec;
import io.redline.shard.Shard;

/** CONFIG RESETSTAT: zeroes INFO's counters, command and error statistics included. */
public final class ConfigResetStat implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.server.stats().reset();
    for (CommandSpec s : ctx.server.commands().all()) {
      s.resetStats();
      for (CommandSpec sub : s.subcommands().values()) sub.resetStats();
    }
    // Each shard's counters belong to its thread: reset them there.
    for (Shard shard : ctx.server.router().shards()) {
      shard.controlOrRun(() -> {
        shard.stats().reset();
        for (int db = 0; db < shard.databaseCount(); db++) shard.database(db).resetStats();
      });
    }
    ctx.reply.ok();
  }
}
