package io.redline.command.server;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;

/** Server commands (INFO, CONFIG, COMMAND, TIME, SHUTDOWN...). */
public final class ServerCommands implements CommandFamily {
  @Override
  public void register(CommandTable t) {
  }
}
