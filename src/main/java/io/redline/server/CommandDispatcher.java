package io.redline.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redline.command.CommandContext;
import io.redline.command.CommandSpec;
import io.redline.command.ExecCommand;
import io.redline.command.OffLoopCommand;
import io.redline.command.SequencedCommand;
import io.redline.command.IntList;
import io.redline.command.Route;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.shard.MultiShardTx;
import io.redline.shard.Scope;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;

/**
 * Decides where each command runs and gets its reply back in order (one per event loop).
 *
 * <ul>
 *   <li>keys all on this loop's shard, nothing pending, shard not holding: run inline;</li>
 *   <li>keys all on one other shard (or this one while it must queue): added to this loop's
 *       {@link HopBatch} for that shard, sent when the loop finishes its current round of I/O;</li>
 *   <li>keys on several shards, or ALL_SHARDS commands: a {@link MultiShardTx};</li>
 *   <li>no keys: at once, on this loop.</li>
 * </ul>
 * Open batches are always sent before a transaction is scheduled, so each connection's commands
 * reach every shard in the order it sent them.
 */
public final class CommandDispatcher {
  /** Stop parsing a pipeline when this many replies are outstanding; resume as they arrive. */
  private static final int MAX_PENDING = 16 * 1024;

  private final ServerContext server;
  private final ShardRouter router;
  private final Shard home;
  private final Scope homeScope;
  /** What the memory manager may settle and evict around a command without keys: nothing. */
  private final Scope noShards;
  private final IntList keyPositions = new IntList();
  private final CommandPreconditions preconditions;
  private final HopBatch[] openBatches;
  private final Runnable sendBatchesTask = this::sendBatches;
  private boolean sendScheduled;

  CommandDispatcher(ServerContext server, Shard home) {
    this.server = server;
    this.router = server.router();
    this.home = home;
    this.homeScope = router.scopeOf(home.index());
    this.noShards = Scope.none(router);
    this.preconditions = new CommandPreconditions(server);
    this.openBatches = new HopBatch[router.shardCount()];
  }

  /** Runs or routes one parsed command of {@code client}; false asks the parser to pause. */
  boolean dispatch(ClientConnection client, Args args) {
    CommandSpec spec = preconditions.resolve(client, args);
    if (spec == null) { // an error was already written
      if (client.inMulti()) client.transaction().aborted = true;
      return client.acceptingCommands();
    }
    client.lastCommand(spec.name());
    if (server.busy().running() != null && !spec.hasFlag("allow_busy") && refuseWhileBusy(client)) {
      return client.acceptingCommands();
    }
    if (client.inMulti() && queueInMulti(client, spec, args)) return client.acceptingCommands();
    if (server.clients().pausedFor(spec.writes())) {
      // CLIENT PAUSE: this command and everything after it wait; the loop goes on.
      client.hold(args.detach());
      return false;
    }
    server.stats().commandsProcessed.increment();
    if (server.tracking().active()) server.tracking().beginCommand(client, spec); // CLIENT CACHING's choice
    if (spec.handler() instanceof ExecCommand) {
      exec(client, spec, args);
      return client.acceptingCommands() && client.pendingReplies() < MAX_PENDING;
    }
    switch (spec.route()) {
      case CONNECTION -> execute(spec, args, writerFor(client), client, homeScope, client.db());
      case KEYS -> routeByKeys(client, spec, args);
      case ALL_SHARDS -> runOnShards(client, spec, args, router.shards());
      case SCRIPT -> runScript(client, spec, args);
      case CHOSEN_SHARD -> {
        int s = spec.chooser().shardFor(args, router.shardCount());
        runOnShard(client, spec, args, s < 0 ? home : router.shard(s));
      }
    }
    return client.acceptingCommands() && client.pendingReplies() < MAX_PENDING;
  }

  /** A script has run past busy-reply-threshold: like Redis, answer -BUSY rather than wait behind it. */
  private boolean refuseWhileBusy(ClientConnection client) {
    String busy = server.busy().rejection(server.config().getLong("busy-reply-threshold"));
    if (busy == null) return false;
    if (client.inMulti()) client.transaction().aborted = true;
    writerFor(client).error(busy);
    return true;
  }

  /**
   * Between MULTI and EXEC: queues the command and answers +QUEUED, unless it is one of the
   * commands that act at once (EXEC, DISCARD, MULTI, WATCH, QUIT, RESET). Returns true if queued
   * (or refused).
   */
  private boolean queueInMulti(ClientConnection client, CommandSpec spec, Args args) {
    String name = spec.parent() == null ? spec.name() : spec.parent().name();
    switch (name) {
      case "exec", "discard", "multi", "watch", "quit", "reset" -> { return false; }
      default -> { }
    }
    if (spec.hasFlag("no_multi")) {
      client.transaction().aborted = true;
      writerFor(client).error("ERR Command not allowed inside a transaction");
      return true;
    }
    if (server.memory().outOfMemoryForQueue()) { // as Redis: nothing is queued while out of memory
      client.transaction().aborted = true;
      writerFor(client).error(io.redline.memory.MemoryManager.OOM);
      return true;
    }
    client.transaction().queued.add(new TransactionState.Queued(spec, args.detach()));
    writerFor(client).simple("QUEUED");
    return true;
  }

  /**
   * EXEC: runs the queued commands as one atomic step over every shard they (and the watched
   * keys) live on, answering an array of their replies — or a null array when a watched key was
   * touched, or EXECABORT when a command was refused while queuing.
   */
  private void exec(ClientConnection client, CommandSpec spec, Args args) {
    TransactionState tx = client.transaction();
    if (tx == null) {
      writerFor(client).error("ERR EXEC without MULTI");
      feedMonitors(spec, args, client.db(), client);
      return;
    }
    WatchState watch = client.takeWatch(); // EXEC always ends the transaction and the watches
    if (tx.aborted) {
      server.watches().unwatch(watch);
      writerFor(client).error("EXECABORT Transaction discarded because of previous errors.");
      feedMonitors(spec, args, client.db(), client);
      return;
    }
    boolean[] involved = new boolean[router.shardCount()];
    server.watches().shardsOf(watch, involved);
    for (TransactionState.Queued q : tx.queued) q.spec().markShards(q.args(), router, home.index(), keyPositions, involved);
    Shard[] shards = shardsOf(involved);
    int resp = client.resp();
    boolean discard = suppressReply(client);
    if (shards.length == 0) {
      runTransaction(client, tx, watch, homeScope, writerFor(client));
      server.watches().unwatch(watch);
      feedMonitors(spec, args, client.db(), client);
      return;
    }
    sendBatches();
    PendingReply slot = client.reserve(involved[home.index()]);
    Scope scope = Scope.of(router, shards);
    Args execArgs = server.monitors().active() ? args.detach() : null;
    server.scheduler().schedule(new MultiShardTx(home, shards, () -> {
      ByteBuf buf = client.alloc().heapBuffer(256);
      runTransaction(client, tx, watch, scope, new ReplyWriter(buf, resp));
      server.watches().unwatch(watch);
      if (execArgs != null) feedMonitors(spec, execArgs, client.db(), client); // on the client's loop
      if (discard) buf.clear();
      client.complete(slot, buf);
    }));
  }

  /** On the client's loop, holding the shards: the body of EXEC. */
  private void runTransaction(ClientConnection client, TransactionState tx, WatchState watch, Scope scope, ReplyWriter w) {
    if (server.watches().failed(watch, scope, System.currentTimeMillis())) {
      w.nullArray();
      return;
    }
    w.array(tx.queued.size());
    java.util.List<CommandContext> writes = new java.util.ArrayList<>();
    for (TransactionState.Queued q : tx.queued) {
      // Each command sees the client's state as the commands before it left it (SELECT inside MULTI).
      CommandContext ctx = execute(q.spec(), q.args(), w, client, scope, client.db(), true);
      if (ctx.dirtyCount() > 0) writes.add(ctx);
    }
    // Like Redis, parked clients are served and watchers touched once the whole transaction ran.
    server.aof().feed(writes); // one MULTI/EXEC block in the AOF, before any pop it wakes
    for (CommandContext ctx : writes) wakeAfterWrite(ctx, scope);
  }

  private void afterWrite(CommandContext ctx, Scope scope) {
    server.aof().feed(ctx); // logged before the waiters it wakes pop what it pushed
    wakeAfterWrite(ctx, scope);
  }

  private void wakeAfterWrite(CommandContext ctx, Scope scope) {
    if (!ctx.nestedWrites().isEmpty()) {
      // A script: what its redis.call writes touched is what counts, not its declared keys.
      for (CommandContext nested : ctx.nestedWrites()) wakeAfterWrite(nested, scope);
      return;
    }
    server.watches().afterWrite(ctx, scope);
    server.tracking().afterWrite(ctx, scope);
    server.blocking().afterWrite(ctx, scope);
  }

  private void routeByKeys(ClientConnection client, CommandSpec spec, Args args) {
    spec.keyPositions(args, keyPositions);
    int n = keyPositions.size();
    if (n == 0) {
      runOnShard(client, spec, args, home);
      return;
    }
    byte[] b = args.buffer();
    int first = router.shardOf(b, args.offset(keyPositions.get(0)), args.length(keyPositions.get(0)));
    boolean several = false;
    for (int i = 1; i < n && !several; i++) {
      int p = keyPositions.get(i);
      several = router.shardOf(b, args.offset(p), args.length(p)) != first;
    }
    if (!several) {
      runOnShard(client, spec, args, router.shard(first));
      return;
    }
    boolean[] involved = new boolean[router.shardCount()];
    markKeyShards(args, involved);
    runOnShards(client, spec, args, shardsOf(involved));
  }

  /**
   * A script holds only its declared keys' shards (this loop's when it declares none) and takes
   * others as it touches them (docs/scripting.md). A late shard may still have this connection's
   * earlier commands queued, which the script must see done: with any reply outstanding, it holds
   * every shard from the start instead.
   */
  private void runScript(ClientConnection client, CommandSpec spec, Args args) {
    if (client.pendingReplies() > 0) {
      runOnShards(client, spec, args, router.shards());
      return;
    }
    boolean[] involved = new boolean[router.shardCount()];
    spec.keyPositions(args, keyPositions);
    if (keyPositions.size() == 0) involved[home.index()] = true;
    markKeyShards(args, involved);
    runOnShards(client, spec, args, shardsOf(involved));
  }

  /** Marks the shards of the keys found by the last {@code keyPositions} call. */
  private void markKeyShards(Args args, boolean[] involved) {
    for (int i = 0; i < keyPositions.size(); i++) {
      int p = keyPositions.get(i);
      involved[router.shardOf(args.buffer(), args.offset(p), args.length(p))] = true;
    }
  }

  private Shard[] shardsOf(boolean[] involved) {
    int count = 0;
    for (boolean b : involved) if (b) count++;
    Shard[] shards = new Shard[count];
    for (int s = 0, k = 0; s < involved.length; s++) if (involved[s]) shards[k++] = router.shard(s);
    return shards;
  }

  private void runOnShard(ClientConnection client, CommandSpec spec, Args args, Shard target) {
    if (target == home && client.queuedOnHome() == 0 && home.canRunInline()) {
      CommandContext ctx = execute(spec, args, writerFor(client), client, homeScope, client.db());
      if (ctx.blockedKeys() != null) {
        // Parked: it wrote nothing, so its slot goes here, in order.
        PendingReply slot = client.reserve(false);
        client.waitFor(slot);
        server.blocking().park(detached(ctx), client, slot);
      } else if (ctx.dirtyCount() > 0) {
        afterWrite(ctx, homeScope);
      }
      return;
    }
    PendingReply slot = client.reserve(target == home);
    if (spec.handler() instanceof SequencedCommand || cachingChoice(client)) client.waitFor(slot);
    HopBatch batch = openBatches[target.index()];
    if (batch == null) {
      batch = openBatches[target.index()] = new HopBatch(this, home);
      if (!sendScheduled) {
        sendScheduled = true;
        // Runs once this loop has finished its current round of reads: one queue entry per shard.
        home.loop().execute(sendBatchesTask);
      }
    }
    batch.add(spec, args.detach(), client, slot, client.db(), client.resp(), suppressReply(client));
  }

  /** Sends every open batch to its shard. */
  private void sendBatches() {
    sendScheduled = false;
    for (int i = 0; i < openBatches.length; i++) {
      HopBatch b = openBatches[i];
      if (b != null) {
        openBatches[i] = null;
        router.shard(i).submit(b);
      }
    }
  }

  private void runOnShards(ClientConnection client, CommandSpec spec, Args args, Shard[] shards) {
    if (shards.length == 1 && !(spec.handler() instanceof OffLoopCommand)) {
      runOnShard(client, spec, args, shards[0]);
      return;
    }
    sendBatches(); // keep this connection's earlier commands ahead of the transaction
    boolean onHome = false;
    for (Shard s : shards) onHome |= s == home;
    PendingReply slot = client.reserve(onHome);
    // A script's caller is blocked in it, as in Redis: its next commands wait rather than get -BUSY.
    if (spec.handler() instanceof SequencedCommand || spec.handler() instanceof OffLoopCommand || cachingChoice(client)) {
      client.waitFor(slot);
    }
    Args kept = args.detach();
    int db = client.db();
    int resp = client.resp();
    boolean discard = suppressReply(client);
    schedule(client, spec, kept, slot, shards, db, resp, discard);
  }

  private void schedule(ClientConnection client, CommandSpec spec, Args kept, PendingReply slot, Shard[] shards,
                        int db, int resp, boolean discard) {
    if (spec.handler() instanceof OffLoopCommand) {
      scheduleOffLoop(client, spec, kept, slot, shards, db, resp, discard);
      return;
    }
    Scope scope = Scope.of(router, shards);
    server.scheduler().schedule(new MultiShardTx(home, shards, () -> {
      ByteBuf buf = client.alloc().heapBuffer(64);
      CommandContext ctx = execute(spec, kept, new ReplyWriter(buf, resp), client, scope, db);
      if (ctx.blockedKeys() != null) {
        buf.release();
        server.blocking().park(ctx, client, slot);
        return;
      }
      if (ctx.dirtyCount() > 0) afterWrite(ctx, scope);
      if (discard) buf.clear();
      client.complete(slot, buf);
    }));
  }

  /**
   * A script: holds its shards like any multi-shard command, but its body runs on the script
   * worker, so the event loops stay free to answer -BUSY and SCRIPT KILL while it runs, and it may
   * take more shards as it goes (a growing {@link Scope}). The reply goes back to the client's
   * loop; the shards are released only after the body and its wake-ups ran.
   */
  private void scheduleOffLoop(ClientConnection client, CommandSpec spec, Args kept, PendingReply slot, Shard[] shards,
                               int db, int resp, boolean discard) {
    server.scheduler().schedule(new MultiShardTx(home, shards, server.scriptWorker(), tx -> {
      Scope scope = Scope.growing(router, tx);
      ByteBuf buf = client.alloc().heapBuffer(64);
      try {
        CommandContext ctx = execute(spec, kept, new ReplyWriter(buf, resp), client, scope, db, true);
        if (ctx.dirtyCount() > 0) afterWrite(ctx, scope);
      } catch (Throwable t) { // an Error too: the client must get a reply, never an empty slot
        buf.clear();
        new ReplyWriter(buf, resp).error("ERR " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
      } finally {
        if (discard) buf.clear();
        home.controlOrRun(() -> client.complete(slot, buf));
        tx.finish();
      }
    }));
  }

  /**
   * On the client's loop: a parked command whose serving needs shards the serving one did not
   * hold (BLMOVE across shards) runs again, as a multi-shard command, into the same reply slot.
   */
  void retryParked(ClientConnection client, CommandSpec spec, Args args, PendingReply slot, int db, int resp) {
    sendBatches();
    spec.keyPositions(args, keyPositions);
    boolean[] involved = new boolean[router.shardCount()];
    markKeyShards(args, involved);
    schedule(client, spec, args, slot, shardsOf(involved), db, resp, false);
  }

  /** A parked command keeps its arguments beyond the parser's callback. */
  private CommandContext detached(CommandContext ctx) {
    return new CommandContext(server, ctx.spec, ctx.args.detach(), ctx.reply, ctx.client(), ctx.scope(), ctx.dbIndex(),
        ctx.now).parkedFrom(ctx);
  }

  /**
   * On {@code shard}'s thread: runs a hopped command, appending its reply to {@code out}.
   * Returns true when the command parked its client instead of replying.
   */
  boolean executeOn(Shard shard, CommandSpec spec, Args args, ByteBuf out, int resp, ClientConnection client, int db,
                    PendingReply slot) {
    Scope scope = router.scopeOf(shard.index());
    CommandContext ctx = execute(spec, args, new ReplyWriter(out, resp), client, scope, db);
    if (ctx.blockedKeys() != null) {
      server.blocking().park(ctx, client, slot);
      return true;
    }
    if (ctx.dirtyCount() > 0) afterWrite(ctx, scope);
    return false;
  }

  /** CLIENT REPLY OFF / SKIP: the command runs, its reply is thrown away. */
  private boolean suppressReply(ClientConnection client) {
    return client.settings().takeReplySuppression();
  }

  private ReplyWriter writerFor(ClientConnection client) {
    if (suppressReply(client)) return new ReplyWriter(Unpooled.buffer(0), client.resp());
    return client.replyWriter();
  }

  private CommandContext execute(CommandSpec spec, Args args, ReplyWriter w, ClientConnection client, Scope scope, int db) {
    return execute(spec, args, w, client, scope, db, false);
  }

  /** Runs a handler, turning an unexpected exception into an error reply; {@code inTransaction}: never parks. */
  private CommandContext execute(CommandSpec spec, Args args, ReplyWriter w, ClientConnection client, Scope scope, int db,
                                 boolean inTransaction) {
    long start = System.nanoTime();
    ByteBuf buf = w.buffer();
    int before = buf.writerIndex();
    CommandContext ctx = new CommandContext(server, spec, args, w, client, scope, db, System.currentTimeMillis());
    if (inTransaction) ctx.noBlocking();
    // maxmemory: evict first, then refuse a command that may grow memory if that did not help.
    // A command without keys touches no shard's memory: its home shard may be held elsewhere.
    Scope memoryScope = spec.route() == Route.CONNECTION ? noShards : scope;
    String oom = server.memory().beforeCommand(memoryScope, spec, !inTransaction);
    if (oom != null) {
      w.error(oom);
    } else {
      // A script is shown before it runs, so the commands it calls follow it (Redis's skip_monitor).
      boolean monitorFirst = spec.skipMonitor();
      if (monitorFirst) feedMonitors(spec, args, db, client);
      try {
        spec.handler().execute(ctx);
      } catch (RuntimeException e) {
        buf.writerIndex(before);
        w.error("ERR " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      server.memory().afterCommand(memoryScope);
      // After it ran, with the database it left selected (SELECT shows its new one, as in Redis).
      if (!monitorFirst) feedMonitors(spec, args, spec.route() == Route.CONNECTION && client != null ? client.db() : db, client);
    }
    long micros = (System.nanoTime() - start) / 1000;
    spec.recordCall(micros);
    if (ctx.blockedKeys() == null && client != null) server.slowLog().record(spec, args, micros, client);
    server.latency().commandRan(spec.fast(), micros);
    if (spec.readonly() && client != null && ctx.blockedKeys() == null && server.tracking().active()) {
      server.tracking().afterRead(client, spec, args);
    }
    if (buf.writerIndex() > before && buf.getByte(before) == '-') {
      server.stats().countError(errorCode(buf, before + 1));
      spec.recordFailed();
    }
    return ctx;
  }

  /**
   * The command follows CLIENT CACHING: the choice lives on the client until the command ran, so
   * nothing after it runs first (Tracking#current).
   */
  private static boolean cachingChoice(ClientConnection client) {
    Tracking t = client.tracking();
    return t != null && t.current != Tracking.NO_CHOICE;
  }

  /** MONITOR: shows the command to every monitoring client (nothing when there are none). */
  private void feedMonitors(CommandSpec spec, Args args, int db, ClientConnection client) {
    if (client != null && server.monitors().active()) server.monitors().feed(spec, args, db, client.address());
  }

  /** The error's first word (ERR, WRONGTYPE...), as INFO errorstats groups them. */
  private static String errorCode(ByteBuf b, int from) {
    int end = from;
    int limit = b.writerIndex();
    while (end < limit && b.getByte(end) != ' ' && b.getByte(end) != '\r') end++;
    return b.toString(from, end - from, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
