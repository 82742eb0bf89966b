package io.redline.command.memory;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/**
 * MEMORY USAGE, STATS, DOCTOR and HELP, declared in commands/memory.json (generated from
 * redis-server 7.0 with scripts/commands-memory.txt). The accounting they report lives in
 * io.redline.memory (docs/memory.md).
 */
public final class MemoryCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("memory");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("memory|usage", Route.KEYS, new MemoryUsage());
    // STATS reads every shard's databases: it holds them all for that instant, as INFO does.
    t.bind("memory|stats", Route.ALL_SHARDS, new MemoryStats());
    t.bind("memory|doctor", Route.CONNECTION, new MemoryDoctor());
    t.bind("memory|help", Route.CONNECTION, MemoryHelp.REPLY);
    t.bind("memory|purge", Route.CONNECTION, new MemoryPurge());
    t.bind("memory|malloc-stats", Route.CONNECTION, new MemoryMallocStats());
  }
}
