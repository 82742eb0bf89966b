package io.redline.command.strings;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;

/** The string family: binds each handler to its declaration in commands/string.json. */
public final class StringCommands implements CommandFamily {
  @Override
  public void register(CommandTable t) {
    t.bind("get", Route.KEYS, new Get());
    t.bind("set", Route.KEYS, new Set());
  }
}
