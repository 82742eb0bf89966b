package io.redline.memory;

import io.redline.config.ConfigOption;
import java.util.List;

/** The memory options Redline honours, with Redis 7.0's names, defaults and ranges. */
public final class MemoryOptions {
  private MemoryOptions() {}

  public static List<ConfigOption> all() {
    return List.of(
        ConfigOption.memory("maxmemory", 0, 0, Long.MAX_VALUE, true),
        ConfigOption.oneOf("maxmemory-policy", "noeviction", true, Policy.configNames()),
        ConfigOption.integer("maxmemory-samples", 5, 1, Integer.MAX_VALUE, true),
        ConfigOption.integer("lfu-log-factor", 10, 0, Integer.MAX_VALUE, true),
        ConfigOption.integer("lfu-decay-time", 1, 0, Integer.MAX_VALUE, true));
  }
}
