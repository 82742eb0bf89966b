package io.redline.command.server;

import io.redline.command.CommandSpec;
import io.redline.command.CommandTable;
import io.redline.protocol.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What COMMAND reports on: only commands and subcommands that have a handler. */
final class ServedCommands {
  private ServedCommands() {}

  /** The served subcommands of a container, in declaration order. */
  static List<CommandSpec> subcommands(CommandSpec spec) {
    List<CommandSpec> out = new ArrayList<>();
    for (CommandSpec s : spec.subcommands().values()) if (s.handler() != null) out.add(s);
    return out;
  }

  /** A served command by name, "get" or "config|get" (any case); null when not served. */
  static CommandSpec byName(CommandTable table, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    int bar = n.indexOf('|');
    if (bar < 0) return table.lookup(n);
    CommandSpec parent = table.lookup(n.substring(0, bar));
    if (parent == null) return null;
    CommandSpec sub = parent.subcommands().get(n);
    return sub == null || sub.handler() == null ? null : sub;
  }

  /**
   * The spec that would run {@code a} (a full command line), as Redis resolves it: a container
   * with a subcommand argument means that subcommand. Null when not served.
   */
  static CommandSpec forCommandLine(CommandTable table, Args a) {
    CommandSpec spec = table.lookup(a);
    if (spec == null || !spec.isContainer() || a.size() < 2) return spec;
    CommandSpec sub = spec.subcommands().get(spec.name() + "|" + a.lowerName(1));
    return sub == null || sub.handler() == null ? null : sub;
  }
}
