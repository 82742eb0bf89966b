package io.redline.aof;

import io.redline.config.ConfigOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The AOF options Redline honours, with Redis 7.0's names, defaults and mutability:
 * appendonly (CONFIG SET turns it on with a rewrite first, as Redis), appendfilename and
 * appenddirname (fixed after start-up, as in Redis), appendfsync, aof-load-truncated,
 * auto-aof-rewrite-percentage / -min-size. aof-use-rdb-preamble stays at its default {@code yes}:
 * a base file is always an RDB (see docs/aof.md).
 */
public final class AofOptions {
  private AofOptions() {}

  public static List<ConfigOption> all() {
    List<ConfigOption> o = new ArrayList<>();
    o.add(ConfigOption.bool("appendonly", false, true));
    o.add(ConfigOption.custom("appendfilename", "appendonly.aof", false, v -> checkName(v, "appendfilename can't be a path, just a filename"), null));
    o.add(ConfigOption.custom("appenddirname", "appendonlydir", false, v -> checkName(v, "appenddirname can't be a path, just a dirname"), null));
    o.add(ConfigOption.oneOf("appendfsync", "everysec", true, "always", "everysec", "no"));
    o.add(ConfigOption.bool("aof-load-truncated", true, true));
    o.add(ConfigOption.fixed("aof-use-rdb-preamble", "yes", "the AOF base is always an RDB preamble in this Redline version"));
    o.add(ConfigOption.integer("auto-aof-rewrite-percentage", 100, 0, Integer.MAX_VALUE, true));
    o.add(ConfigOption.memory("auto-aof-rewrite-min-size", 64L * 1024 * 1024, 0, Long.MAX_VALUE, true));
    return o;
  }

  /** Redis's isValidAOFfilename / isValidAOFdirname: a plain name, no path. */
  private static String checkName(String v, String why) {
    if (v.isEmpty() || v.equals(".") || v.equals("..") || v.contains("/") || v.contains("\\")) {
      throw new IllegalArgumentException(why);
    }
    return v;
  }
}
