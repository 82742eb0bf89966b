package io.redline.server;

import io.netty.buffer.ByteBuf;
import io.redline.command.CommandContext;
import io.redline.command.CommandSpec;
import io.redline.command.IntList;
import io.redline.command.Route;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.shard.MultiShardTx;
import io.redline.shard.Scope;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import io.redline.shard.ShardTask;

/**
 * Decides where each command runs and gets its reply back in order (one per event loop).
 *
 * <ul>
 *   <li>keys all on this loop's shard, nothing pending, shard not holding: run inline;</li>
 *   <li>keys all on one other shard (or this one while it must queue): one hop through that
 *       shard's data queue, the reply returning through this loop's control queue;</li>
 *   <li>keys on several shards, or ALL_SHARDS commands: a {@link MultiShardTx};</li>
 *   <li>no keys: at once, on this loop.</li>
 * </ul>
 */
public final class CommandDispatcher {
  /** Stop parsing a pipeline when this many replies are outstanding; resume as they arrive. */
  private static final int MAX_PENDING = 16 * 1024;

  private final ServerContext server;
  private final ShardRouter router;
  private final Shard home;
  private final Scope homeScope;
  private final IntList keyPositions = new IntList();
  private final CommandPreconditions preconditions;
  private ClientConnection current;

  CommandDispatcher(ServerContext server, Shard home) {
    this.server = server;
    this.router = server.router();
    this.home = home;
    this.homeScope = Scope.single(router, home);
    this.preconditions = new CommandPreconditions(server);
  }

  /** Binds the dispatcher to the connection whose parser is about to call {@link #dispatchFrom}. */
  boolean dispatch(ClientConnection client, Args args) {
    current = client;
    return dispatchFrom(args);
  }

  boolean dispatchFrom(Args args) {
    ClientConnection client = current;
    server.stats().commandsProcessed.increment();
    CommandSpec spec = preconditions.resolve(client, args);
    if (spec == null) return client.acceptingCommands(); // an error was already written
    client.lastCommand(spec.name());
    switch (spec.route()) {
      case CONNECTION -> runHere(client, spec, args);
      case KEYS -> routeByKeys(client, spec, args);
      case ALL_SHARDS -> runOnShards(client, spec, args, router.shards());
      case CHOSEN_SHARD -> {
        int s = spec.chooser().shardFor(args, router.shardCount());
        runOnShard(client, spec, args, s < 0 ? home : router.shard(s));
      }
    }
    return client.acceptingCommands() && client.pendingReplies() < MAX_PENDING;
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
    int count = 0;
    for (int i = 0; i < n; i++) {
      int p = keyPositions.get(i);
      int s = router.shardOf(b, args.offset(p), args.length(p));
      if (!involved[s]) {
        involved[s] = true;
        count++;
      }
    }
    Shard[] shards = new Shard[count];
    for (int s = 0, k = 0; s < involved.length; s++) if (involved[s]) shards[k++] = router.shard(s);
    runOnShards(client, spec, args, shards);
  }

  private void runHere(ClientConnection client, CommandSpec spec, Args args) {
    ReplyWriter w = writerFor(client);
    execute(spec, args, w, client, homeScope, client.db());
  }

  private void runOnShard(ClientConnection client, CommandSpec spec, Args args, Shard target) {
    if (target == home && !client.hasPending() && home.canRunInline()) {
      execute(spec, args, writerFor(client), client, homeScope, client.db());
      return;
    }
    PendingReply slot = client.reserve();
    Args kept = args.detach();
    int db = client.db();
    int resp = client.resp();
    boolean discard = suppressReply(client);
    target.submit(new ShardTask() {
      @Override
      public void run(Shard shard) {
        ByteBuf buf = client.alloc().heapBuffer(64);
        ReplyWriter w = new ReplyWriter(buf, resp);
        execute(spec, kept, w, client, Scope.single(router, shard), db);
        if (discard) buf.clear();
        home.controlOrRun(() -> client.complete(slot, buf));
      }
    });
  }

  private void runOnShards(ClientConnection client, CommandSpec spec, Args args, Shard[] shards) {
    if (shards.length == 1) {
      runOnShard(client, spec, args, shards[0]);
      return;
    }
    PendingReply slot = client.reserve();
    Args kept = args.detach();
    int db = client.db();
    int resp = client.resp();
    boolean discard = suppressReply(client);
    Scope scope = Scope.of(router, shards);
    server.scheduler().schedule(new MultiShardTx(home, shards, () -> {
      ByteBuf buf = client.alloc().heapBuffer(64);
      ReplyWriter w = new ReplyWriter(buf, resp);
      execute(spec, kept, w, client, scope, db);
      if (discard) buf.clear();
      client.complete(slot, buf);
    }));
  }

  /** CLIENT REPLY OFF / SKIP: the command runs, its reply is thrown away. */
  private boolean suppressReply(ClientConnection client) {
    if (client.replyMode() == ReplyMode.OFF) return true;
    if (client.skipThisReply()) {
      client.skipThisReply(false);
      return true;
    }
    return false;
  }

  private ReplyWriter writerFor(ClientConnection client) {
    if (suppressReply(client)) {
      return new ReplyWriter(io.netty.buffer.Unpooled.buffer(0), client.resp());
    }
    return client.replyWriter();
  }

  private void execute(CommandSpec spec, Args args, ReplyWriter w, ClientConnection client, Scope scope, int db) {
    long start = System.nanoTime();
    int before = w.buffer().writerIndex();
    try {
      spec.handler().execute(new CommandContext(server, spec, args, w, client, scope, db, System.currentTimeMillis()));
    } catch (RuntimeException e) {
      w.buffer().writerIndex(before);
      w.error("ERR " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      spec.recordFailed();
    }
    spec.recordCall((System.nanoTime() - start) / 1000);
    if (w.buffer().writerIndex() > before && w.buffer().getByte(before) == '-') {
      server.stats().errorReplies.increment();
      spec.recordFailed();
    }
  }
}
