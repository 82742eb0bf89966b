package io.redline.config;

import io.redline.module.Modules;
import io.redline.module.RedlineModule;
import io.redline.util.Glob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The options Redline honours and their current values: read from a redis.conf-style file, then
 * from {@code --name value} arguments, then changed by CONFIG SET. Unknown options are errors,
 * never ignored: a setting we do not honour must not look accepted.
 */
public final class ServerConfig {
  private final Map<String, ConfigOption> options = new LinkedHashMap<>();
  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
  /** Old name → current name, as Redis 7.0 still takes "zset-max-ziplist-entries" for "zset-max-listpack-entries". */
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private Path file;
  private final List<RedlineModule> modules = Modules.available(ServerConfig.class.getClassLoader());

  public ServerConfig() {
    int cores = Runtime.getRuntime().availableProcessors();
    add(ConfigOption.integer("port", 6379, 0, 65535, false));
    add(ConfigOption.string("bind", "* -::*", false, false));
    add(ConfigOption.integer("shards", cores, 1, 256, false));
    add(ConfigOption.integer("databases", 16, 1, 1_000_000, false));
    add(ConfigOption.string("requirepass", "", true, true));
    add(ConfigOption.integer("maxclients", 10000, 1, Integer.MAX_VALUE, true));
    add(ConfigOption.integer("timeout", 0, 0, Integer.MAX_VALUE, true));
    add(ConfigOption.integer("tcp-keepalive", 300, 0, Integer.MAX_VALUE, true));
    add(ConfigOption.integer("tcp-backlog", 511, 0, Integer.MAX_VALUE, false));
    // Redis takes 0..INT_MAX and keeps it within 1..500 (CONFIG GET shows the kept value).
    add(ConfigOption.custom("hz", "10", true, ServerConfig::clampHz, null));
    // RDB snapshots: save points, dbfilename, dir, rdbcompression, rdbchecksum (see docs/persistence.md).
    for (ConfigOption o : io.redline.persist.PersistenceOptions.all()) add(o);
    // maxmemory, maxmemory-policy, maxmemory-samples, lfu-log-factor, lfu-decay-time (docs/memory.md).
    for (ConfigOption o : io.redline.memory.MemoryOptions.all()) add(o);
    // The append-only file: appendonly, appendfsync, appenddirname... (see docs/aof.md).
    for (ConfigOption o : io.redline.aof.AofOptions.all()) add(o);
    add(ConfigOption.memory("proto-max-bulk-len", 512L * 1024 * 1024, 1024 * 1024, Long.MAX_VALUE, true));
    add(ConfigOption.memory("hll-sparse-max-bytes", 3000, 0, Long.MAX_VALUE, true));
    add(ConfigOption.oneOf("loglevel", "notice", true, "debug", "verbose", "notice", "warning")); // Redis 7.0's levels
    add(ConfigOption.integer("zset-max-listpack-entries", 128, 0, Long.MAX_VALUE, true));
    add(ConfigOption.memory("zset-max-listpack-value", 64, 0, Long.MAX_VALUE, true));
    alias("zset-max-ziplist-entries", "zset-max-listpack-entries");
    alias("zset-max-ziplist-value", "zset-max-listpack-value");
    add(ConfigOption.integer("hash-max-listpack-entries", 512, 0, Long.MAX_VALUE, true));
    add(ConfigOption.memory("hash-max-listpack-value", 64, 0, Long.MAX_VALUE, true));
    alias("hash-max-ziplist-entries", "hash-max-listpack-entries");
    alias("hash-max-ziplist-value", "hash-max-listpack-value");
    add(ConfigOption.integer("set-max-intset-entries", 512, 0, Long.MAX_VALUE, true));
    add(ConfigOption.merging("client-output-buffer-limit", io.redline.pubsub.OutputBufferLimits.DEFAULT, true,
        io.redline.pubsub.OutputBufferLimits::merge)); // only the classes named change
    // After this long, a running script or function makes other clients' commands answer -BUSY.
    add(ConfigOption.integer("busy-reply-threshold", 5000, 0, Long.MAX_VALUE, true));
    alias("lua-time-limit", "busy-reply-threshold");
    add(ConfigOption.string("disabled-modules", "", false, false));
    // SLOWLOG (docs/slowlog.md): microseconds; -1 logs nothing, 0 every command.
    add(ConfigOption.integer("slowlog-log-slower-than", 10000, -1, Long.MAX_VALUE, true));
    add(ConfigOption.integer("slowlog-max-len", 128, 0, Long.MAX_VALUE, true));
    // LATENCY (docs/latency.md): commands running at least this many ms are sampled; 0 = off.
    add(ConfigOption.integer("latency-monitor-threshold", 0, 0, Long.MAX_VALUE, true));
    // CLIENT TRACKING (docs/tracking.md): keys remembered for default-mode clients; 0 = no limit.
    add(ConfigOption.integer("tracking-table-max-keys", 1_000_000, 0, Long.MAX_VALUE, true));
    // Stored as the flag bits: Redis prints them lossily ("AnKE" reads back "AKE", 'n' still on).
    add(ConfigOption.custom("notify-keyspace-events", "0", true, v -> {
      int flags = io.redline.notify.NotifyFlags.parse(v);
      if (flags < 0) throw new IllegalArgumentException(io.redline.notify.NotifyFlags.INVALID);
      return Integer.toString(flags);
    }, v -> io.redline.notify.NotifyFlags.format(Integer.parseInt(v))));
    for (RedlineModule m : modules) for (ConfigOption o : m.configOptions()) add(o);
  }

  /** Every module on the class path (enabled or not): their options are part of this config. */
  public List<RedlineModule> availableModules() { return modules; }

  /** The modules this configuration runs: all available ones but those in {@code disabled-modules}. */
  public List<RedlineModule> enabledModules() { return Modules.enabled(modules, get("disabled-modules")); }

  private static String clampHz(String raw) {
    long v;
    try {
      v = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument couldn't be parsed into an integer");
    }
    if (v < 0 || v > Integer.MAX_VALUE) throw new IllegalArgumentException("argument must be between 0 and 2147483647 inclusive");
    return Long.toString(Math.max(1, Math.min(500, v)));
  }

  private void add(ConfigOption o) {
    options.put(o.name, o);
    values.put(o.name, o.defaultValue);
  }

  /** Makes {@code alias} a second name of option {@code name}: same value, listed by CONFIG GET under both. */
  private void alias(String alias, String name) { aliases.put(alias, name); }

  private String canonical(String lowerName) { return aliases.getOrDefault(lowerName, lowerName); }

  /** Loads an optional config file (first argument when it does not start with "--") and flags. */
  public static ServerConfig fromArgs(String[] args) {
    ServerConfig c = new ServerConfig();
    int i = 0;
    StringBuilder text = new StringBuilder();
    if (args.length > 0 && !args[0].startsWith("--")) {
      c.file = Path.of(args[0]).toAbsolutePath();
      try {
        text.append(Files.readString(c.file, StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new ConfigException("Fatal error, can't open config file '" + args[0] + "': " + e.getMessage());
      }
      i = 1;
    }
    // As redis-server does, "--name v1 v2" becomes the config line "name v1 v2".
    for (; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        text.append('\n').append(args[i].substring(2));
      } else {
        text.append(' ').append(quote(args[i]));
      }
    }
    c.loadText(text.toString());
    return c;
  }

  private static String quote(String s) {
    if (s.isEmpty()) return "\"\"";
    if (s.chars().anyMatch(ch -> ch == ' ' || ch == '"' || ch == '\'')) return "\"" + s.replace("\"", "\\\"") + "\"";
    return s;
  }

  void loadText(String text) {
    String[] lines = text.split("\n", -1);
    boolean saveSeen = false;
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].trim();
      if (line.isEmpty() || line.startsWith("#")) continue;
      List<String> words = ConfigLine.split(line);
      if (words == null) throw fatal(n + 1, line, "Unbalanced quotes in configuration line");
      if (words.isEmpty()) continue;
      String name = canonical(words.get(0).toLowerCase(Locale.ROOT));
      ConfigOption o = options.get(name);
      if (o == null || words.size() < 2) throw fatal(n + 1, line, "Bad directive or wrong number of arguments");
      String value = String.join(" ", words.subList(1, words.size()));
      if (name.equals("save")) {
        // As redis.conf has it: one save point per line; the first line replaces the default, later ones add.
        if (saveSeen && !value.isBlank()) value = values.get(name) + " " + value;
        saveSeen = true;
      }
      try {
        values.put(name, o.normalise(value, values.get(name)));
      } catch (IllegalArgumentException e) {
        throw fatal(n + 1, line, e.getMessage());
      }
    }
  }

  private ConfigException fatal(int lineNo, String line, String why) {
    return new ConfigException("\n*** FATAL CONFIG FILE ERROR (Redline) ***\nReading the configuration file, at line "
        + lineNo + "\n>>> '" + line + "'\n" + why);
  }

  public String get(String name) {
    String v = values.get(name);
    return v != null ? shown(name, v) : values.get(canonical(name)); // an old name (CONFIG GET hash-max-ziplist-entries)
  }

  /** A stored value as CONFIG GET prints it (an option may store a canonical form of its own). */
  private String shown(String name, String stored) {
    ConfigOption o = options.get(name);
    return o == null ? stored : o.display(stored);
  }
  public int getInt(String name) { return (int) Long.parseLong(values.get(name)); }
  public long getLong(String name) { return Long.parseLong(values.get(name)); }
  public boolean getBool(String name) { return "yes".equals(values.get(name)); }
  public Path file() { return file; }

  /** Whether the option's value is a secret (requirepass): never shown in logs or SLOWLOG. */
  public boolean sensitive(String name) {
    ConfigOption o = options.get(canonical(name.toLowerCase(java.util.Locale.ROOT)));
    return o != null && o.sensitive;
  }

  /** Runs {@code listener} with the new value whenever CONFIG SET changes the option. */
  public void onChange(String name, Consumer<String> listener) {
    listeners.computeIfAbsent(name, k -> new ArrayList<>()).add(listener);
  }

  /** CONFIG GET: name/value pairs for every option matching any of the glob patterns. */
  public Map<String, String> matching(List<String> patterns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT);
      for (ConfigOption o : options.values()) {
        if (Glob.match(p, o.name, true)) out.put(o.name, shown(o.name, values.get(o.name)));
      }
      for (Map.Entry<String, String> a : aliases.entrySet()) {
        if (Glob.match(p, a.getKey(), true)) out.put(a.getKey(), values.get(a.getValue()));
      }
    }
    return out;
  }

  /**
   * CONFIG SET of one or more options, all or nothing. Returns null on success or the error text.
   */
  public synchronized String set(List<String[]> pairs) {
    // As Redis: every name is checked (unknown, immutable, duplicate) before any value is.
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String[] pair : pairs) {
      String name = pair[0].toLowerCase(Locale.ROOT);
      ConfigOption o = options.get(canonical(name));
      if (o == null) return "ERR Unknown option or number of arguments for CONFIG SET - '" + pair[0] + "'";
      if (!o.mutable) return setFailed(pair[0], "can't set immutable config");
      if (o.isProtected()) return setFailed(pair[0], "can't set protected config");
      if (!seen.add(name)) return setFailed(pair[0], "duplicate parameter");
    }
    Map<String, String> next = new LinkedHashMap<>();
    for (String[] pair : pairs) {
      String name = canonical(pair[0].toLowerCase(Locale.ROOT));
      try {
        next.put(name, options.get(name).normalise(pair[1], values.get(name)));
      } catch (IllegalArgumentException e) {
        return setFailed(pair[0], e.getMessage());
      }
    }
    values.putAll(next);
    for (Map.Entry<String, String> e : next.entrySet()) {
      for (Consumer<String> l : listeners.getOrDefault(e.getKey(), List.of())) l.accept(e.getValue());
    }
    return null;
  }

  private static String setFailed(String name, String why) {
    return "ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + why;
  }

  /** CONFIG REWRITE: rewrites the file in place, keeping comments and unrelated lines. */
  public synchronized void rewrite() throws IOException {
    if (file == null) throw new IOException("The server is running without a config file");
    List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
    Map<String, Boolean> written = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      List<String> words = ConfigLine.split(line.trim());
      String name = (words == null || words.isEmpty() || line.trim().startsWith("#")) ? null : canonical(words.get(0).toLowerCase(Locale.ROOT));
      if (name != null && options.containsKey(name)) {
        if (written.putIfAbsent(name, true) == null) out.add(name + " " + ConfigLine.quote(shown(name, values.get(name))));
      } else {
        out.add(line);
      }
    }
    boolean header = false;
    for (ConfigOption o : options.values()) {
      if (written.containsKey(o.name) || values.get(o.name).equals(o.defaultValue)) continue;
      if (!header) {
        out.add("# Generated by CONFIG REWRITE");
        header = true;
      }
      out.add(o.name + " " + ConfigLine.quote(shown(o.name, values.get(o.name))));
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
