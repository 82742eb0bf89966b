package io.redline.memory;

import io.redline.command.CommandSpec;
import io.redline.config.ServerConfig;
import io.redline.notify.KeyspaceNotifier;
import io.redline.shard.Scope;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import java.util.logging.Logger;

/**
 * maxmemory for the whole server: each shard keeps its keys within an equal share of the limit
 * (evicting by maxmemory-policy before each command it runs and on its timer), and commands
 * flagged "denyoom" are refused with Redis's OOM error when memory cannot be freed.
 *
 * <p>The JVM must never die of OutOfMemoryError because of data, so the limit in force is never
 * above {@link #heapLimit()} (a share of the heap the JVM may grow to), also when maxmemory is 0.
 * See docs/memory.md.
 */
public final class MemoryManager {
  public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
  /** Share of -Xmx that data may fill: the rest is garbage-collector headroom, buffers and the server itself. */
  static final double HEAP_SHARE = 0.70;
  private static final Logger LOG = Logger.getLogger("redline");

  private final Shard[] shards;
  private final EvictionPool[] pools;
  private final EvictionPool.Victim[] victims;
  private final KeyspaceNotifier notifier;
  private final long heapLimit;
  private volatile long configured;
  private volatile long limit;
  private volatile Policy policy;
  private volatile int samples;
  private volatile long peak;

  public MemoryManager(ServerConfig config, ShardRouter router, KeyspaceNotifier notifier) {
    this(config, router, notifier, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
  }

  /** {@code heapLimit}: the most data the heap can hold (tests pass their own). */
  public MemoryManager(ServerConfig config, ShardRouter router, KeyspaceNotifier notifier, long heapLimit) {
    this.notifier = notifier;
    this.heapLimit = heapLimit;
    this.shards = router.shards();
    this.pools = new EvictionPool[shards.length];
    this.victims = new EvictionPool.Victim[shards.length];
    for (int i = 0; i < shards.length; i++) {
      Shard s = shards[i];
      pools[i] = new EvictionPool(s);
      victims[i] = new EvictionPool.Victim();
      for (int d = 0; d < s.databaseCount(); d++) s.database(d).newKeyClock(this::newKeyClock);
      s.memoryTick(() -> onTick(s));
    }
    maxmemory(config.get("maxmemory"));
    policy(config.get("maxmemory-policy"));
    samples = config.getInt("maxmemory-samples");
    Lfu.logFactor(config.getInt("lfu-log-factor"));
    Lfu.decayTime(config.getInt("lfu-decay-time"));
    config.onChange("maxmemory", this::maxmemory);
    config.onChange("maxmemory-policy", this::policy);
    config.onChange("maxmemory-samples", v -> samples = Integer.parseInt(v));
    config.onChange("lfu-log-factor", v -> Lfu.logFactor(Integer.parseInt(v)));
    config.onChange("lfu-decay-time", v -> Lfu.decayTime(Integer.parseInt(v)));
  }

  private void maxmemory(String v) {
    configured = Long.parseLong(v);
    limit = configured == 0 ? heapLimit : Math.min(configured, heapLimit);
  }

  private void policy(String v) {
    policy = Policy.of(v); // each shard's pool starts over at its next eviction
  }

  /** The start-up warning about maxmemory and the heap, or null when the setting is sound. */
  public String startupWarning() {
    long heap = Runtime.getRuntime().maxMemory();
    if (configured == 0) {
      return "maxmemory is not set: data is limited to " + human(heapLimit) + " (" + (int) (HEAP_SHARE * 100)
          + "% of the " + human(heap) + " heap) with policy " + policy.configName()
          + ". Set maxmemory and size -Xmx to about maxmemory / " + HEAP_SHARE + " (see README).";
    }
    if (configured > heapLimit) {
      return "maxmemory " + human(configured) + " is more than the heap can hold (" + human(heapLimit) + " of "
          + human(heap) + "): the limit in force is " + human(heapLimit) + ". Start the JVM with -Xmx"
          + (long) Math.ceil(configured / HEAP_SHARE / (1 << 20)) + "m or more.";
    }
    return null;
  }

  public void logStartup() {
    String w = startupWarning();
    if (w != null) LOG.warning(w);
  }

  // ---- numbers for INFO and MEMORY ------------------------------------------------------------

  /** Bytes in use over every shard (a moment stale); also raises the peak. */
  public long used() {
    long u = 0;
    for (Shard s : shards) u += s.memory().used();
    if (u > peak) peak = u;
    return u;
  }

  /** What the server uses with no keys. */
  public long startup() {
    long u = 0;
    for (Shard s : shards) u += s.memory().base();
    return u;
  }

  public long peak() {
    used();
    return peak;
  }

  /** The configured maxmemory (0 = none), as INFO and CONFIG GET show it. */
  public long configured() { return configured; }

  /** The limit in force: maxmemory, capped by what the heap can hold. */
  public long limit() { return limit; }

  /**
   * Whether memory is over the limit now (after the evictions that ran before this command):
   * Redis's pre_command_oom_state, which scripts consult when they start.
   */
  public boolean overLimit() { return used() > limit; }

  public long heapLimit() { return heapLimit; }

  public Policy policy() { return policy; }

  public long evictedKeys() {
    long n = 0;
    for (Shard s : shards) n += s.stats().evictedKeys;
    return n;
  }

  /** The clock token for {@code Entry.touch}: an LFU marker under LFU policies, else the LRU clock (see Lfu#lruClock). */
  public int lruClock() {
    return policy.lfu() ? Lfu.token() : Lfu.lruClock();
  }

  private int newKeyClock() {
    return policy.lfu() ? Lfu.initial() : Lfu.lruClock();
  }

  /**
   * For a command about to be queued in MULTI, checked on the client's loop without holding any
   * shard: Redis refuses to queue anything while out of memory (a transaction's queue may grow
   * without bound). Shards evict on their own, so with an eviction policy this holds only when
   * even an empty server would not fit.
   */
  public boolean outOfMemoryForQueue() {
    if (policy == Policy.NOEVICTION) return used() > limit;
    return startup() > limit;
  }

  // ---- around each command ----------------------------------------------------------------------

  /**
   * Before a command runs on the shards of {@code scope}: measures what the last commands changed,
   * evicts on each held shard that is over its share, and returns the OOM error when the command
   * may grow memory ("denyoom") and memory could not be brought within the limit; else null.
   * {@code checkOom} is false inside EXEC (Redis checks when EXEC arrives, not per queued command).
   */
  public String beforeCommand(Scope scope, CommandSpec spec, boolean checkOom) {
    boolean over = false;
    long budget = budget();
    for (int i = 0; i < shards.length; i++) {
      if (!scope.holds(i)) continue;
      Shard s = shards[i];
      s.memory().settle();
      if (s.memory().used() > budget) over |= !evict(i, budget);
    }
    if (!checkOom || !spec.denyOom()) return null;
    if (policy == Policy.NOEVICTION) return used() > limit ? OOM : null;
    return over ? OOM : null;
  }

  /** After a command: what it changed is measured now. */
  public void afterCommand(Scope scope) {
    for (int i = 0; i < shards.length; i++) if (scope.holds(i)) shards[i].memory().settle();
  }

  /** Each shard's share of the limit. */
  long budget() { return limit / shards.length; }

  /** On the shard's timer: keeps an idle shard within its share too. */
  private void onTick(Shard s) {
    s.memory().settle();
    long budget = budget();
    if (s.memory().used() > budget) evict(s.index(), budget);
    used(); // keeps the peak current without INFO being asked
  }

  /** Evicts on shard {@code i} until it is within {@code budget}; false when nothing more may be evicted. */
  private boolean evict(int i, long budget) {
    Policy p = policy;
    if (p == Policy.NOEVICTION) return false;
    Shard s = shards[i];
    EvictionPool pool = pools[i];
    EvictionPool.Victim v = victims[i];
    while (s.memory().used() > budget) {
      if (pool.pick(p, samples, v) == null) return false;
      byte[] key = v.entry.key();
      int db = v.db.index();
      s.evict(v.db, v.entry);
      notifier.evicted(key, db);
      v.set(null, null);
    }
    return true;
  }

  /** Redis's bytesToHuman. */
  public static String human(long n) {
    if (n < 1024) return n + "B";
    String[] units = {"K", "M", "G", "T", "P"};
    double v = n;
    for (String u : units) {
      v /= 1024;
      if (v < 1024 || u.equals("P")) return String.format(java.util.Locale.ROOT, "%.2f%s", v, u);
    }
    return n + "B";
  }
}
