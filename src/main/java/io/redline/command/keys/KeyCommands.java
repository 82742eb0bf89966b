package io.redline.command.keys;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;

/** The generic key family: binds each handler to its declaration in commands/generic.json. */
public final class KeyCommands implements CommandFamily {
  @Override
  public void register(CommandTable t) {
  }
}
