package io.redline.command.sort;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/**
 * SORT and SORT_RO, declared in commands/generic.json with the key commands.
 *
 * <p>Both run as {@link Route#ALL_SHARDS}: their BY and GET patterns name keys built from the
 * sorted elements (weight_*, h_*->field), which only the data reveals and which may live on any
 * shard, so no key spec can route them ahead of time. Holding every shard makes the whole
 * command one atomic step in which {@code ctx.db()} reaches every key, the STORE destination
 * included. The price is that a SORT waits for, and briefly holds up, every shard; a SORT that
 * reads only its own key still pays it, which keeps the handler free of a second, racy path.
 */
public final class SortCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("generic");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("sort", Route.ALL_SHARDS, new Sort(false));
    t.lookup("sort").keyFinder(SortKeys::find); // the STORE key is in no key spec Redline can read
    t.bind("sort_ro", Route.ALL_SHARDS, new Sort(true));
  }
}
