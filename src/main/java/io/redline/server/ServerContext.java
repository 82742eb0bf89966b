package io.redline.server;

import io.redline.command.CommandTable;
import io.redline.config.ServerConfig;
import io.redline.shard.ShardRouter;
import io.redline.shard.TxScheduler;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What every part of a running server shares: config, shards, commands, clients, counters. */
public final class ServerContext {
  public static final String VERSION = "7.0.15";
  public static final String REDLINE_VERSION = ServerContext.class.getPackage().getImplementationVersion() == null
      ? "dev" : ServerContext.class.getPackage().getImplementationVersion();

  private final ServerConfig config;
  private final ShardRouter router;
  private final TxScheduler scheduler = new TxScheduler();
  private final CommandTable commands;
  private final ClientRegistry clients = new ClientRegistry();
  private final ServerStats stats = new ServerStats();
  private final long startMillis = System.currentTimeMillis();
  private final String runId;
  private final String replId;
  private volatile Runnable shutdownAction = () -> {};
  private volatile int boundPort;
  private final BlockingService blocking;
  /** SLOWLOG's entries (docs/slowlog.md). */
  private final SlowLog slowLog;
  /** MONITOR's clients (docs/monitor.md). */
  private final Monitors monitors;
  /** LATENCY's samples (docs/latency.md). */
  private final LatencyMonitor latency;
  /** CLIENT TRACKING's tables and invalidations (docs/tracking.md). */
  private final TrackingService tracking;
  private final WatchService watches;
  private final io.redline.pubsub.PubSubHub pubsub;
  private final io.redline.command.BusyTracker busy = new io.redline.command.BusyTracker();
  /** RDB snapshots: SAVE, BGSAVE, save points, loading (docs/persistence.md). */
  private final io.redline.persist.Persistence persistence;
  /** The append-only file: effects of writes, fsync policies, BGREWRITEAOF (docs/aof.md). */
  private final io.redline.aof.AppendOnlyFile aof;
  /** Keyspace notifications (notify-keyspace-events): commands and shards fire, pub/sub delivers. */
  private final io.redline.notify.KeyspaceNotifier notifier;
  /**
   * Runs {@link io.redline.command.OffLoopCommand}s (scripts) off the event loops, one at a time:
   * a single thread, which is what lets a running script take shards late without deadlock
   * ({@link io.redline.shard.MultiShardTx}) and keeps the Lua engines single-threaded.
   */
  private final java.util.concurrent.ExecutorService scriptWorker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "redline-script");
    t.setDaemon(true);
    return t;
  });

  public ServerContext(ServerConfig config, ShardRouter router, CommandTable commands) {
    this.config = config;
    this.router = router;
    this.commands = commands;
    byte[] id = new byte[20];
    new SecureRandom().nextBytes(id);
    this.runId = HexFormat.of().formatHex(id);
    this.blocking = new BlockingService(this);
    this.slowLog = new SlowLog(config);
    this.monitors = new Monitors(config);
    this.latency = new LatencyMonitor(config);
    this.tracking = new TrackingService(this);
    this.watches = new WatchService(router);
    this.pubsub = new io.redline.pubsub.PubSubHub(router, config);
    this.notifier = new io.redline.notify.KeyspaceNotifier(config.getInt("notify-keyspace-events"));
    config.onChange("notify-keyspace-events", v -> notifier.flags(Integer.parseInt(v)));
    for (int i = 0; i < router.shardCount(); i++) router.shard(i).notifications(notifier);
    notifier.sink(pubsub::publish);
    new SecureRandom().nextBytes(id);
    this.replId = HexFormat.of().formatHex(id);
    this.persistence = new io.redline.persist.Persistence(this);
    this.aof = new io.redline.aof.AppendOnlyFile(this);
    this.memory = new io.redline.memory.MemoryManager(config, router, notifier);
  }

  /** maxmemory, eviction and memory accounting (docs/memory.md). */
  private final io.redline.memory.MemoryManager memory;

  public io.redline.memory.MemoryManager memory() { return memory; }

  public ServerConfig config() { return config; }
  public ShardRouter router() { return router; }
  public TxScheduler scheduler() { return scheduler; }
  public CommandTable commands() { return commands; }
  public ClientRegistry clients() { return clients; }
  public ServerStats stats() { return stats; }
  BlockingService blocking() { return blocking; }
  public SlowLog slowLog() { return slowLog; }
  public Monitors monitors() { return monitors; }
  public LatencyMonitor latency() { return latency; }
  public TrackingService tracking() { return tracking; }
  WatchService watches() { return watches; }
  /** Pub/sub: channels, patterns, shard channels, PUBLISH from any thread, output buffer limits. */
  public io.redline.pubsub.PubSubHub pubsub() { return pubsub; }
  /** Whether a script is running, for -BUSY replies and SCRIPT KILL. */
  public io.redline.command.BusyTracker busy() { return busy; }
  public io.redline.notify.KeyspaceNotifier notifier() { return notifier; }
  public io.redline.persist.Persistence persistence() { return persistence; }
  public io.redline.aof.AppendOnlyFile aof() { return aof; }
  java.util.concurrent.Executor scriptWorker() { return scriptWorker; }
  public long startMillis() { return startMillis; }
  public String runId() { return runId; }
  /** The replication id (INFO master_replid): random per start, like Redis's, distinct from run_id. */
  public String replId() { return replId; }
  public int port() { return boundPort; }
  void port(int p) { boundPort = p; }

  /**
   * The clock handed to {@code Entry.touch}: seconds (OBJECT IDLETIME, LRU), or under an LFU
   * maxmemory-policy a marker that makes the touch bump the key's LFU counter instead.
   */
  public int lruClock() { return memory.lruClock(); }

  public void noteDirty(long n) { stats.dirty.add(n); }

  public void onShutdown(Runnable action) { this.shutdownAction = action; }
  public void shutdown() { shutdownAction.run(); }
}
