package io.redline.modules.streams;

import io.redline.command.CommandTable;
import io.redline.config.ConfigOption;
import io.redline.module.RedlineModule;
import io.redline.modules.streams.commands.StreamCommands;
import java.util.List;

/**
 * Redis streams with consumer groups (XADD ... XINFO); see docs/streams.md. Values are
 * {@link io.redline.modules.streams.store.StreamValue}s, which the core stores, types, expires,
 * renames and copies like any other value.
 */
public final class StreamsModule implements RedlineModule {
  @Override
  public String name() { return "streams"; }

  @Override
  public List<String> declarationGroups() { return List.of("stream"); }

  @Override
  public List<io.redline.persist.ValueCodec> valueCodecs() { return List.of(new io.redline.modules.streams.store.StreamCodec()); }

  @Override
  public void registerCommands(CommandTable table) { StreamCommands.register(table); }

  @Override
  public List<ConfigOption> configOptions() {
    return List.of(
        // Redis's node limits: when a stream starts a new packed block (and so what MAXLEN ~ trims).
        ConfigOption.memory("stream-node-max-bytes", 4096, 0, Long.MAX_VALUE, true),
        ConfigOption.integer("stream-node-max-entries", 100, 0, Long.MAX_VALUE, true));
  }
}
