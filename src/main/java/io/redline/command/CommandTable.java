package io.redline.command;

import io.redline.protocol.Args;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every command Redline serves: declarations loaded from JSON resources, each bound to exactly
 * one handler. A declaration without a handler is not served (and not listed by COMMAND), so
 * the server never advertises what it cannot do; {@link #unbound()} lets a test catch that.
 */
public final class CommandTable {
  private final Map<String, CommandSpec> declared = new TreeMap<>();
  private final Map<String, CommandSpec> served = new TreeMap<>();
  private final CommandIndex index = new CommandIndex();
  private final List<String> boundWithoutDeclaration = new ArrayList<>();

  /**
   * The table a server runs with: every core {@link CommandFamily} on the class path and every
   * enabled module, their declaration files loaded, their handlers bound.
   */
  public static CommandTable standard(ClassLoader loader, List<io.redline.module.RedlineModule> modules) {
    CommandTable table = new CommandTable();
    List<CommandFamily> families = new ArrayList<>();
    java.util.ServiceLoader.load(CommandFamily.class, loader).forEach(families::add);
    java.util.Set<String> groups = new java.util.LinkedHashSet<>();
    for (CommandFamily f : families) groups.addAll(f.declarationGroups());
    for (io.redline.module.RedlineModule m : modules) groups.addAll(m.declarationGroups());
    table.load(loader, groups.toArray(new String[0]));
    for (CommandFamily f : families) f.register(table);
    for (io.redline.module.RedlineModule m : modules) m.registerCommands(table);
    return table;
  }

  /** The table with every module on the class path enabled. */
  public static CommandTable standard(ClassLoader loader) {
    return standard(loader, io.redline.module.Modules.available(loader));
  }

  /** Loads declarations from {@code commands/<group>.json} resources on the class path. */
  public void load(ClassLoader loader, String... groups) {
    for (String group : groups) {
      String path = "commands/" + group + ".json";
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) throw new IllegalStateException("missing command declarations " + path);
        JsonObject all = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        for (String name : all.fieldNames()) declared.put(name, new CommandSpec(name, all.getJsonObject(name), null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Binds a handler to a declared command or subcommand ("config|get"). */
  public void bind(String name, Route route, CommandHandler handler) { bind(name, route, handler, null); }

  public void bind(String name, Route route, CommandHandler handler, ShardChooser chooser) {
    CommandSpec spec = find(name);
    if (spec == null) {
      boundWithoutDeclaration.add(name);
      return;
    }
    spec.bind(handler, route, chooser);
    if (spec.parent() == null) served.put(name, spec);
    else served.put(spec.parent().name(), spec.parent());
    index.rebuild(served.values());
  }

  private CommandSpec find(String name) {
    int bar = name.indexOf('|');
    if (bar < 0) return declared.get(name);
    CommandSpec parent = declared.get(name.substring(0, bar));
    return parent == null ? null : parent.subcommands().get(name);
  }

  /** The served command named by args[0], or null. */
  public CommandSpec lookup(Args args) {
    return index.find(args, 0);
  }

  public CommandSpec lookup(String name) { return served.get(name); }

  public Collection<CommandSpec> all() { return Collections.unmodifiableCollection(served.values()); }

  /** Declared (sub)commands that no handler serves; a table in order has none. */
  public List<String> unbound() {
    List<String> out = new ArrayList<>();
    for (CommandSpec c : declared.values()) {
      if (c.isContainer()) {
        for (CommandSpec s : c.subcommands().values()) if (s.handler() == null) out.add(s.name());
      } else if (c.handler() == null) {
        out.add(c.name());
      }
    }
    return out;
  }

  /** Handlers bound to names that no declaration has. */
  public List<String> boundWithoutDeclaration() { return Collections.unmodifiableList(boundWithoutDeclaration); }
}
