package io.redline.module;

import io.redline.command.CommandTable;
import io.redline.config.ConfigOption;
import java.util.List;

/**
 * An optional feature (Lua scripting, streams, geo, WebSocket chat) that plugs into the core.
 * Modules are found with {@link java.util.ServiceLoader}; the core never names one. A module
 * listed in the {@code disabled-modules} option is not started and its commands are not served
 * (they answer "ERR unknown command" and are absent from COMMAND), but its config options are
 * still known, so a config file written for the full server still loads.
 *
 * <p>Life cycle: {@link #configOptions()} when the config is built, {@link #registerCommands}
 * when the command table is built, {@link #start} once the server listens, {@link #stop} when it
 * stops.
 */
public interface RedlineModule {
  /** Short lower-case name, as written in {@code disabled-modules}: "lua", "geo", "streams". */
  String name();

  /** The command declaration files ({@code commands/<group>.json}) this module serves. */
  default List<String> declarationGroups() { return List.of(); }

  /** Binds this module's handlers to its declarations. */
  default void registerCommands(CommandTable table) { }

  /** Options this module honours; the config knows them whether or not the module is enabled. */
  default List<ConfigOption> configOptions() { return List.of(); }

  /**
   * RDB/DUMP codecs for this module's value types (streams). Known whether or not the module is
   * enabled, so a file holding its keys still loads.
   */
  default List<io.redline.persist.ValueCodec> valueCodecs() { return List.of(); }

  /**
   * RDB records of state outside the keyspace (Lua's function libraries), asked for after
   * {@link #registerCommands}, before the RDB file is loaded at start-up.
   */
  default List<io.redline.persist.AuxCodec> auxCodecs() { return List.of(); }

  /** Called once the server is listening. */
  default void start(ModuleContext context) { }

  /** Called when the server stops. */
  default void stop() { }
}
