package io.redline.server;

import io.redline.command.CommandTable;
import io.redline.config.ServerConfig;
import io.redline.module.ModuleContext;
import io.redline.module.Modules;
import io.redline.module.RedlineModule;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A running Redline: one Vert.x instance with one event loop per shard, a {@link RespVerticle}
 * per shard on its own loop, and the command table. Start with {@link #start}; tests start
 * several in one JVM on different ports.
 */
public final class RedlineServer {
  private static final Logger LOG = Logger.getLogger("redline");

  private final ServerConfig config;
  private final Vertx vertx;
  private final ServerContext context;
  private final List<RespVerticle> verticles = new ArrayList<>();
  private final List<RedlineModule> modules;

  private RedlineServer(ServerConfig config) {
    this.config = config;
    int n = config.getInt("shards");
    this.vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(n)
        .setPreferNativeTransport(true)
        .setBlockedThreadCheckInterval(10)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
    Shard[] shards = new Shard[n];
    for (int i = 0; i < n; i++) shards[i] = new Shard(i, config.getInt("databases"));
    try {
      this.modules = config.enabledModules();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage());
    }
    CommandTable table = CommandTable.standard(RedlineServer.class.getClassLoader(), modules);
    this.context = new ServerContext(config, new ShardRouter(shards), table);
    for (RedlineModule m : modules) m.auxCodecs().forEach(context.persistence()::register);
  }

  public static RedlineServer start(ServerConfig config) {
    RedlineServer s = new RedlineServer(config);
    try {
      // The RDB file is read before any loop runs, so nothing else touches the shards meanwhile.
      // With appendonly yes the AOF is the data set instead, as in Redis (the RDB is not read).
      if (config.getBool("appendonly")) s.context.aof().openAtStartup();
      else s.context.persistence().loadAtStartup();
    } catch (RuntimeException e) {
      await(s.vertx.close());
      throw e;
    }
    s.boot();
    return s;
  }

  /** Starts a server from command-line style arguments ("--port", "7000", ...). Blocks until listening. */
  public static RedlineServer start(String... args) {
    return start(ServerConfig.fromArgs(args));
  }

  private void boot() {
    Shard[] shards = context.router().shards();
    List<Future<String>> deployed = new ArrayList<>();
    for (Shard shard : shards) {
      RespVerticle v = new RespVerticle(context, shard);
      verticles.add(v);
      deployed.add(vertx.deployVerticle(v, new DeploymentOptions()));
    }
    await(Future.all(deployed));
    int port = config.getInt("port");
    String[] hosts = config.get("bind").trim().split("\\s+");
    // Every loop must be bound to its shard before any connection can route to it: listen last.
    List<Future<Integer>> listening = new ArrayList<>();
    for (RespVerticle v : verticles) {
      for (String h : hosts) {
        if (h.equals("-::*") || h.equals("::*")) continue; // IPv6 wildcard: covered by "*" on dual-stack hosts
        String host = h.equals("*") ? "0.0.0.0" : h.startsWith("-") ? h.substring(1) : h;
        listening.add(v.listen(host, port));
      }
    }
    await(Future.all(listening));
    context.port(listening.get(0).result());
    context.onShutdown(this::stopAndExit);
    applyLogLevel(config.get("loglevel"));
    config.onChange("loglevel", RedlineServer::applyLogLevel);
    java.util.Set<Object> loops = new java.util.HashSet<>();
    for (Shard s : shards) loops.add(s.loop());
    if (loops.size() != shards.length) LOG.warning("shards share event loops: " + loops.size() + " loops for " + shards.length + " shards");
    for (RedlineModule m : modules) m.start(new ModuleContext(context, vertx));
    context.persistence().startCron();
    shards[0].loop().scheduleAtFixedRate(context.stats()::sampleRates, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
    for (Shard s : shards) s.aofEvents((db, key) -> context.aof().feedDel(db.index(), key));
    for (Shard s : shards) s.trackingEvents((db, key) -> context.tracking().expired(s.index(), key));
    context.aof().startCron();
    Runtime.getRuntime().addShutdownHook(exitHook);
    LOG.info("modules: " + (modules.isEmpty() ? "none" : Modules.names(modules)));
    context.memory().logStartup(); // maxmemory unset, or more than the heap can hold
    LOG.info(String.format("Redline %s (Redis %s compatible) ready: port %d, %d shard(s), %s transport, pid %d",
        ServerContext.REDLINE_VERSION, ServerContext.VERSION, context.port(), shards.length,
        vertx.isNativeTransportEnabled() ? "epoll" : "NIO", ProcessHandle.current().pid()));
  }

  /** Redis's log levels mapped onto java.util.logging's. */
  private static void applyLogLevel(String level) {
    LOG.setLevel(switch (level) {
      case "debug" -> java.util.logging.Level.FINEST;
      case "verbose" -> java.util.logging.Level.FINE;
      case "warning" -> java.util.logging.Level.WARNING;
      case "nothing" -> java.util.logging.Level.OFF;
      default -> java.util.logging.Level.INFO;
    });
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("start-up failed: " + e.getMessage(), e);
    }
  }

  public int port() { return context.port(); }
  public ServerContext context() { return context; }

  /** SIGTERM / SIGINT: like Redis, save first when save points are configured. */
  private final Thread exitHook = new Thread(this::onExitSignal, "redline-exit");

  private void onExitSignal() {
    if (!context.persistence().savePointsConfigured()) return;
    LOG.warning("Received SIGTERM scheduling shutdown... Saving the final RDB snapshot before exiting.");
    if (context.persistence().saveBeforeExit()) LOG.info("DB saved on disk");
  }

  public void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // already exiting, or never registered
    }
    context.persistence().close();
    context.aof().close();
    for (RedlineModule m : modules) {
      try {
        m.stop();
      } catch (RuntimeException e) {
        LOG.warning("module " + m.name() + " failed to stop: " + e);
      }
    }
    await(vertx.close());
  }

  private void stopAndExit() {
    new Thread(() -> {
      LOG.info("Redline is now ready to exit, bye bye...");
      try {
        stop();
      } finally {
        Runtime.getRuntime().halt(0);
      }
    }, "shutdown").start();
  }
}
