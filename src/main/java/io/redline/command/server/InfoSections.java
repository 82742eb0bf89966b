package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandSpec;
import io.redline.config.ServerConfig;
import io.redline.server.ServerContext;
import io.redline.server.ServerStats;
import io.redline.shard.Shard;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The text of each INFO section, in Redis's "field:value" lines. Only fields Redline can state
 * truthfully are printed; a field Redis has but Redline has nothing behind (allocator stats,
 * fork and AOF timings, latency percentiles) is left out rather than made up.
 */
final class InfoSections {
  private static final String CRLF = "\r\n";
  private final CommandContext ctx;
  private final ServerContext server;
  private StringBuilder out;

  InfoSections(CommandContext ctx) {
    this.ctx = ctx;
    this.server = ctx.server;
  }

  void append(String section, StringBuilder to) {
    out = to;
    switch (section) {
      case "server" -> server();
      case "clients" -> clients();
      case "memory" -> memory();
      case "persistence" -> persistence();
      case "stats" -> stats();
      case "replication" -> replication();
      case "cpu" -> cpu();
      case "modules" -> header("Modules"); // no Redis modules are ever loaded
      case "commandstats" -> commandStats();
      case "errorstats" -> errorStats();
      case "cluster" -> {
        header("Cluster");
        field("cluster_enabled", 0);
      }
      case "keyspace" -> keyspace();
      default -> throw new IllegalArgumentException(section);
    }
  }

  private void header(String title) { out.append("# ").append(title).append(CRLF); }

  private void field(String name, Object value) { out.append(name).append(':').append(value).append(CRLF); }

  private void server() {
    ServerConfig config = server.config();
    long now = System.currentTimeMillis();
    long uptime = (now - server.startMillis()) / 1000;
    header("Server");
    field("redis_version", ServerContext.VERSION);
    field("redline_version", ServerContext.REDLINE_VERSION);
    field("redis_mode", "standalone");
    field("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + arch());
    field("arch_bits", System.getProperty("sun.arch.data.model", "64"));
    field("process_id", ProcessHandle.current().pid());
    field("process_supervised", "no");
    field("run_id", server.runId());
    field("tcp_port", server.port());
    java.time.Instant t = java.time.Instant.now();
    field("server_time_usec", t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
    field("uptime_in_seconds", uptime);
    field("uptime_in_days", uptime / 86400);
    field("hz", config.get("hz")); // the shards' expiry timers follow CONFIG SET hz
    field("configured_hz", config.get("hz"));
    field("lru_clock", (now / 1000) & ((1 << 24) - 1)); // Redis's 24-bit seconds clock
    field("config_file", config.file() == null ? "" : config.file().toString());
  }

  /** Redis prints uname's machine name: x86_64 where the JVM says amd64. */
  private static String arch() {
    String a = System.getProperty("os.arch");
    return a.equals("amd64") ? "x86_64" : a;
  }

  private void clients() {
    header("Clients");
    field("connected_clients", server.clients().count());
    field("cluster_connections", 0);
    field("maxclients", server.config().get("maxclients"));
    int blocked = 0;
    for (var c : server.clients().all()) if (c.isBlocked()) blocked++;
    field("blocked_clients", blocked);
    field("tracking_clients", server.tracking().clients());
  }

  /**
   * used_memory is what the memory account says keys and values occupy (estimated object sizes,
   * maintained per shard: io.redline.memory), the number maxmemory is compared with, as in Redis;
   * used_memory_rss is the process's resident set, so mem_fragmentation_ratio (RSS / used) shows
   * what the JVM holds beyond the data: heap headroom, garbage, code. The jvm_* fields are the
   * heap as the collector sees it, and maxmemory_effective the limit in force (capped by the heap).
   */
  private void memory() {
    io.redline.memory.MemoryManager m = server.memory();
    Runtime rt = Runtime.getRuntime();
    long used = m.used();
    long peak = m.peak();
    long startup = m.startup();
    header("Memory");
    field("used_memory", used);
    field("used_memory_human", human(used));
    long rss = residentBytes();
    if (rss >= 0) {
      field("used_memory_rss", rss);
      field("used_memory_rss_human", human(rss));
    }
    field("used_memory_peak", peak);
    field("used_memory_peak_human", human(peak));
    field("used_memory_peak_perc", String.format(Locale.ROOT, "%.2f%%", peak == 0 ? 0.0 : used * 100.0 / peak));
    field("used_memory_startup", startup);
    field("used_memory_dataset", used - startup);
    field("used_memory_dataset_perc", String.format(Locale.ROOT, "%.2f%%", used == 0 ? 0.0 : (used - startup) * 100.0 / used));
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long total = os.getTotalMemorySize();
      field("total_system_memory", total);
      field("total_system_memory_human", human(total));
    }
    long maxBytes = m.configured();
    field("maxmemory", maxBytes);
    field("maxmemory_human", human(maxBytes));
    field("maxmemory_policy", m.policy().configName());
    if (rss >= 0) {
      field("mem_fragmentation_ratio", String.format(Locale.ROOT, "%.2f", used == 0 ? 0.0 : (double) rss / used));
      field("mem_fragmentation_bytes", rss - used);
    }
    field("maxmemory_effective", m.limit());
    field("maxmemory_effective_human", human(m.limit()));
    field("jvm_heap_used", rt.totalMemory() - rt.freeMemory());
    field("jvm_heap_committed", rt.totalMemory());
    field("jvm_heap_max", rt.maxMemory());
    field("jvm_heap_max_human", human(rt.maxMemory()));
  }

  /**
   * RDB state from the persistence service; loading is always 0 because the file is read before
   * the server listens. Redis's fork and copy-on-write fields are left out: there is no fork. No
   * AOF yet: these are Redis's values with appendonly off.
   */
  private void persistence() {
    io.redline.persist.Persistence p = server.persistence();
    header("Persistence");
    field("loading", 0);
    field("async_loading", 0);
    field("current_save_keys_processed", p.currentSaveKeysProcessed());
    field("current_save_keys_total", p.currentSaveKeysTotal());
    field("rdb_changes_since_last_save", p.changesSinceLastSave());
    field("rdb_bgsave_in_progress", p.bgsaveInProgress() ? 1 : 0);
    field("rdb_last_save_time", p.lastSaveSeconds());
    field("rdb_last_bgsave_status", p.lastBgsaveOk() ? "ok" : "err");
    field("rdb_last_bgsave_time_sec", p.lastBgsaveSeconds());
    field("rdb_current_bgsave_time_sec", p.currentBgsaveSeconds());
    field("rdb_saves", p.saves());
    field("rdb_last_load_keys_expired", p.lastLoadExpired());
    field("rdb_last_load_keys_loaded", p.lastLoadLoaded());
    io.redline.aof.AppendOnlyFile aof = server.aof(); // Redis's aof_* fields (docs/aof.md)
    field("aof_enabled", aof.enabled() ? 1 : 0);
    field("aof_rewrite_in_progress", aof.rewriting() ? 1 : 0);
    field("aof_rewrite_scheduled", aof.rewriteScheduled() ? 1 : 0);
    field("aof_last_rewrite_time_sec", aof.lastRewriteSeconds());
    field("aof_current_rewrite_time_sec", aof.currentRewriteSeconds());
    field("aof_last_bgrewrite_status", aof.lastRewriteOk() ? "ok" : "err");
    field("aof_rewrites", aof.rewrites());
    field("aof_last_write_status", aof.lastWriteOk() ? "ok" : "err");
    if (aof.enabled()) {
      field("aof_current_size", aof.currentSize());
      field("aof_base_size", aof.baseSize());
      field("aof_pending_rewrite", aof.rewriteScheduled() ? 1 : 0);
      field("aof_buffer_length", aof.bufferLength());
      field("aof_pending_bio_fsync", 0);
      field("aof_delayed_fsync", 0);
    }
  }

  private void stats() {
    ServerStats s = server.stats();
    long expired = 0;
    for (Shard shard : server.router().shards()) expired += shard.stats().expiredKeys;
    long[] hitsMisses = new long[2];
    int databases = server.config().getInt("databases");
    for (int db = 0; db < databases; db++) {
      ctx.db(db).forEachDatabase(d -> {
        hitsMisses[0] += d.hits();
        hitsMisses[1] += d.misses();
      });
    }
    header("Stats");
    field("total_connections_received", s.connectionsReceived.sum());
    field("total_commands_processed", s.commandsProcessed.sum());
    field("instantaneous_ops_per_sec", s.instantaneousOpsPerSec());
    field("total_net_input_bytes", s.netInputBytes.sum());
    field("total_net_output_bytes", s.netOutputBytes.sum());
    field("instantaneous_input_kbps", String.format(java.util.Locale.ROOT, "%.2f", s.instantaneousInputKbps()));
    field("instantaneous_output_kbps", String.format(java.util.Locale.ROOT, "%.2f", s.instantaneousOutputKbps()));
    field("rejected_connections", s.rejectedConnections.sum());
    field("expired_keys", expired);
    field("evicted_keys", server.memory().evictedKeys());
    field("keyspace_hits", hitsMisses[0]);
    field("keyspace_misses", hitsMisses[1]);
    var pubsub = server.pubsub();
    field("pubsub_channels", pubsub.nameCount(io.redline.pubsub.SubscriptionKind.CHANNEL));
    field("pubsub_patterns", pubsub.nameCount(io.redline.pubsub.SubscriptionKind.PATTERN));
    field("pubsubshard_channels", pubsub.nameCount(io.redline.pubsub.SubscriptionKind.SHARD));
    field("tracking_total_keys", server.tracking().keys());
    field("tracking_total_items", server.tracking().items());
    field("tracking_total_prefixes", server.tracking().prefixes());
    field("total_error_replies", s.errorReplies.sum());
    // Not in Redis 7.0's INFO (7.4 added it under this name); here since Redline enforces the limits.
    field("client_output_buffer_limit_disconnections", server.pubsub().outputLimitDisconnections());
  }

  /** A primary without replicas: Redis's values for that state, with our own replication id. */
  private void replication() {
    header("Replication");
    field("role", "master");
    field("connected_slaves", 0);
    field("master_failover_state", "no-failover");
    field("master_replid", server.replId());
    field("master_replid2", "0".repeat(40));
    field("master_repl_offset", 0);
    field("second_repl_offset", -1);
    field("repl_backlog_active", 0);
    field("repl_backlog_first_byte_offset", 0);
    field("repl_backlog_histlen", 0);
  }

  /** From /proc/self/stat (Linux): user and system CPU seconds of the process and its children. */
  private void cpu() {
    header("CPU");
    String stat;
    try {
      stat = Files.readString(Path.of("/proc/self/stat"));
    } catch (IOException | RuntimeException e) {
      return; // not Linux: nothing truthful to print
    }
    // Fields after the parenthesised command name; utime is field 14 of the whole line.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    double tick = 100.0; // USER_HZ, 100 on every Linux the JVM runs on
    field("used_cpu_sys", seconds(Long.parseLong(f[12]) / tick));
    field("used_cpu_user", seconds(Long.parseLong(f[11]) / tick));
    field("used_cpu_sys_children", seconds(Long.parseLong(f[14]) / tick));
    field("used_cpu_user_children", seconds(Long.parseLong(f[13]) / tick));
  }

  private static String seconds(double s) { return String.format(Locale.ROOT, "%.6f", s); }

  private void commandStats() {
    header("Commandstats");
    for (CommandSpec spec : server.commands().all()) {
      commandStat(spec);
      for (CommandSpec sub : spec.subcommands().values()) commandStat(sub);
    }
  }

  private void commandStat(CommandSpec s) {
    long calls = s.calls();
    long rejected = s.rejectedCalls();
    long failed = s.failedCalls();
    if (calls == 0 && rejected == 0 && failed == 0) return;
    long usec = s.micros();
    out.append("cmdstat_").append(s.name())
        .append(":calls=").append(calls)
        .append(",usec=").append(usec)
        .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f", calls == 0 ? 0.0 : (double) usec / calls))
        .append(",rejected_calls=").append(rejected)
        .append(",failed_calls=").append(failed)
        .append(CRLF);
  }

  private void errorStats() {
    header("Errorstats");
    Map<String, LongAdder> sorted = new TreeMap<>(server.stats().errorsByCode);
    for (Map.Entry<String, LongAdder> e : sorted.entrySet()) {
      out.append("errorstat_").append(e.getKey()).append(":count=").append(e.getValue().sum()).append(CRLF);
    }
  }

  /**
   * Key counts of every database over all shards (INFO holds them all). Redis's avg_ttl is an
   * estimate its expire cycle samples, 0 until it has; Redline keeps no such estimate and prints 0.
   */
  private void keyspace() {
    header("Keyspace");
    int databases = server.config().getInt("databases");
    List<String> lines = new ArrayList<>();
    for (int db = 0; db < databases; db++) {
      long[] n = new long[2];
      ctx.db(db).forEachDatabase(d -> {
        n[0] += d.size();
        n[1] += d.expiring();
      });
      if (n[0] > 0) lines.add("db" + db + ":keys=" + n[0] + ",expires=" + n[1] + ",avg_ttl=0" + CRLF);
    }
    lines.forEach(out::append);
  }

  /** Redis's bytesToHuman. */
  static String human(long n) { return io.redline.memory.MemoryManager.human(n); }

  /** VmRSS from /proc/self/status, or -1 where there is none. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
