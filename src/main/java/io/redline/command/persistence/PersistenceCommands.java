package io.redline.command.persistence;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/**
 * RDB persistence commands: SAVE, BGSAVE, LASTSAVE, DUMP, RESTORE and DEBUG (RELOAD), declared
 * in commands/persistence.json (generated from redis-server 7.0 with
 * scripts/commands-persistence.txt). The saving and loading itself lives in io.redline.persist.
 */
public final class PersistenceCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("persistence");
  }

  @Override
  public void register(CommandTable t) {
    // SAVE and DEBUG RELOAD hold every shard for the whole save/load; BGSAVE only for the instant
    // its point in time is taken.
    t.bind("save", Route.ALL_SHARDS, new Save());
    t.bind("bgsave", Route.ALL_SHARDS, new BgSave());
    t.bind("bgrewriteaof", Route.ALL_SHARDS, new BgRewriteAof());
    t.bind("lastsave", Route.CONNECTION, new LastSave());
    t.bind("debug", Route.ALL_SHARDS, new Debug());
    t.bind("dump", Route.KEYS, new Dump());
    t.bind("restore", Route.KEYS, new Restore());
  }
}
