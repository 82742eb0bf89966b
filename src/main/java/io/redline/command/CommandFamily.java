package io.redline.command;

import java.util.List;

/**
 * A group of command handlers (strings, keys, connection...). The core's families and modules'
 * families are found with {@link java.util.ServiceLoader}; each binds handlers to the
 * declarations in the {@code commands/<group>.json} files it names.
 */
public interface CommandFamily {
  /** The declaration files ({@code commands/<group>.json}) this family's commands live in. */
  List<String> declarationGroups();

  void register(CommandTable table);
}
