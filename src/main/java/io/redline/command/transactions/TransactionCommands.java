package io.redline.command.transactions;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH (commands/transactions.json). */
public final class TransactionCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("transactions");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("multi", Route.CONNECTION, new Multi());
    t.bind("exec", Route.CONNECTION, new Exec());
    t.bind("discard", Route.CONNECTION, new Discard());
    t.bind("watch", Route.KEYS, new Watch());
    t.bind("unwatch", Route.CONNECTION, new Unwatch());
  }
}
