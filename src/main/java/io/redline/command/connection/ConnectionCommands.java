package io.redline.command.connection;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;

/** Connection commands: they run on the client's own loop and touch no keys. */
public final class ConnectionCommands implements CommandFamily {
  @Override
  public void register(CommandTable t) {
    t.bind("ping", Route.CONNECTION, new Ping());
  }
}
