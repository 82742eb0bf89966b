package io.redline.command.memory;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.memory.MemoryManager;
import io.redline.memory.ValueSize;
import java.util.ArrayList;
import java.util.List;

/**
 * MEMORY STATS: Redis's map of memory figures, with the fields Redline can state (allocator and
 * replication fields it has nothing behind are left out), plus the JVM heap. Per database:
 * the table overhead of its keys (entries and bucket slots) and of its expiry index.
 */
public final class MemoryStats implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    MemoryManager m = ctx.server.memory();
    long used = m.used();
    long peak = m.peak();
    long startup = m.startup();
    int databases = ctx.server.router().shard(0).databaseCount();
    List<long[]> dbs = new ArrayList<>(); // {index, keys, expiring}
    long keys = 0;
    long overhead = startup;
    for (int d = 0; d < databases; d++) {
      long[] n = {d, 0, 0};
      ctx.db(d).forEachDatabase(db -> {
        n[1] += db.size();
        n[2] += db.expiring();
      });
      if (n[1] == 0) continue;
      dbs.add(n);
      keys += n[1];
      overhead += n[1] * (ValueSize.ENTRY + ValueSize.TABLE_SLOT) + n[2] * ValueSize.EXPIRY_SLOT;
    }
    long dataset = Math.max(0, used - overhead);
    long rss = rss();
    Runtime rt = Runtime.getRuntime();
    ctx.reply.map(14 + dbs.size() + (rss >= 0 ? 2 : 0));
    pair(ctx, "peak.allocated", peak);
    pair(ctx, "total.allocated", used);
    pair(ctx, "startup.allocated", startup);
    for (long[] n : dbs) {
      ctx.reply.bulk("db." + n[0]);
      ctx.reply.map(2);
      pair(ctx, "overhead.hashtable.main", n[1] * (ValueSize.ENTRY + ValueSize.TABLE_SLOT));
      pair(ctx, "overhead.hashtable.expires", n[2] * ValueSize.EXPIRY_SLOT);
    }
    pair(ctx, "overhead.total", overhead);
    pair(ctx, "keys.count", keys);
    pair(ctx, "keys.bytes-per-key", keys == 0 ? 0 : (used - startup) / keys);
    pair(ctx, "dataset.bytes", dataset);
    ctx.reply.bulk("dataset.percentage");
    ctx.reply.doubleValue(used == startup ? 0 : dataset * 100.0 / (used - startup));
    ctx.reply.bulk("peak.percentage");
    ctx.reply.doubleValue(peak == 0 ? 0 : used * 100.0 / peak);
    if (rss >= 0) {
      ctx.reply.bulk("fragmentation");
      ctx.reply.doubleValue(used == 0 ? 0 : (double) rss / used);
      pair(ctx, "fragmentation.bytes", rss - used);
    }
    pair(ctx, "evicted.keys", m.evictedKeys());
    pair(ctx, "maxmemory.effective", m.limit());
    pair(ctx, "jvm.heap.used", rt.totalMemory() - rt.freeMemory());
    pair(ctx, "jvm.heap.committed", rt.totalMemory());
    pair(ctx, "jvm.heap.max", rt.maxMemory());
  }

  private static void pair(CommandContext ctx, String name, long v) {
    ctx.reply.bulk(name);
    ctx.reply.integer(v);
  }

  /** VmRSS of this process, or -1 off Linux. */
  static long rss() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
