package io.redline.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.redline.command.CommandContext;
import io.redline.command.IntList;
import io.redline.protocol.ReplyWriter;
import io.redline.shard.Scope;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import io.redline.shard.ShardTask;
import io.redline.store.Entry;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Parks clients of blocking commands and serves them when a write makes a key ready.
 *
 * <p>A client is parked while its command still holds every shard of its keys (the handler
 * found nothing and called {@link CommandContext#block}), so no push can slip in between the
 * check and the registration. After every write that changed something, the keys it touched are
 * checked for parked clients on the same thread, before any other command can run on that shard —
 * so, as in Redis, the first parked client gets the pushed element even if the pusher's next
 * command would have taken it. A client parked on keys of several shards is registered on each
 * and served exactly once: whoever wins the {@link Waiter#done} flag answers it.
 */
final class BlockingService {
  private final ServerContext server;
  private final ShardRouter router;
  private final BlockingRegistry[] registries;

  BlockingService(ServerContext server) {
    this.server = server;
    this.router = server.router();
    this.registries = new BlockingRegistry[router.shardCount()];
    for (int i = 0; i < registries.length; i++) registries[i] = new BlockingRegistry();
  }

  /** Parks the client of a command whose handler blocked; runs while its keys' shards are held. */
  void park(CommandContext ctx, ClientConnection client, PendingReply slot) {
    io.redline.protocol.Args args = ctx.parkArgs() != null ? ctx.parkArgs() : ctx.args;
    Waiter w = new Waiter(client, slot, ctx.spec, args, ctx.dbIndex(), ctx.reply.resp(), ctx.blockedKeys());
    for (byte[] key : w.keys) registries[router.shardOf(key)].add(w.db, key, w);
    client.parkedOn(w);
    long ms = ctx.blockTimeoutMillis();
    if (ms > 0) w.timeout = client.home().loop().schedule(() -> timedOut(w), ms, TimeUnit.MILLISECONDS);
  }

  /** After a write that changed something: serves clients parked on the keys it touched. */
  void afterWrite(CommandContext ctx, Scope scope) {
    if (!anyParked(scope)) return;
    IntList keyPositions = new IntList();
    ctx.spec.keyPositions(ctx.args, keyPositions);
    int n = keyPositions.size();
    if (n == 0 && ctx.spec.route() == io.redline.command.Route.ALL_SHARDS) {
      // FLUSHALL, FLUSHDB, SWAPDB name no keys but change any: look at every key someone waits on
      // (an XREADGROUP parked on a flushed stream must get its error, as in Redis).
      for (int s = 0; s < registries.length; s++) {
        if (!scope.holds(s)) continue;
        for (BlockingRegistry.WaitKey k : registries[s].keys()) {
          ArrayDeque<byte[]> then = new ArrayDeque<>();
          serveKey(scope, k.db(), k.key(), then);
          while (!then.isEmpty()) serveKey(scope, k.db(), then.poll(), then);
        }
      }
      return;
    }
    byte[][] keys = new byte[n][];
    for (int i = 0; i < n; i++) keys[i] = ctx.args.bytes(keyPositions.get(i));
    ArrayDeque<byte[]> ready = new ArrayDeque<>();
    for (byte[] k : keys) ready.add(k);
    int db = ctx.dbIndex();
    while (!ready.isEmpty()) serveKey(scope, db, ready.poll(), ready);
    for (CommandContext.KeyInDb k : ctx.otherDbKeys()) { // MOVE, COPY ... DB: the key in its new database
      ready.add(k.key());
      while (!ready.isEmpty()) serveKey(scope, k.db(), ready.poll(), ready);
    }
  }

  private boolean anyParked(Scope scope) {
    for (int i = 0; i < registries.length; i++) if (scope.holds(i) && !registries[i].isEmpty()) return true;
    return false;
  }

  private void serveKey(Scope scope, int db, byte[] key, ArrayDeque<byte[]> ready) {
    int shard = router.shardOf(key);
    if (!scope.holds(shard)) return;
    BlockingRegistry registry = registries[shard];
    ArrayDeque<Waiter> queue = registry.queue(db, key);
    if (queue == null) return;
    ArrayDeque<Waiter> notReady = null; // waiters ready on their own terms (XREAD) that are not: kept, in order
    while (!queue.isEmpty()) {
      Waiter w = queue.peek();
      if (w.done.get()) {
        queue.poll();
        continue;
      }
      Entry e = scope.keyspace(db).lookup(key, System.currentTimeMillis());
      if (!w.handler.readyFor(w.args, key, e == null ? null : e.value())) {
        if (!w.handler.readinessPerWaiter()) break;
        if (notReady == null) notReady = new ArrayDeque<>();
        notReady.add(queue.poll());
        continue;
      }
      if (!holdsAll(scope, w.handler.otherKeysWhenServing(w.args))) {
        // BLMOVE to a key of another shard: let its own loop retry it as a multi-shard command.
        if (w.done.compareAndSet(false, true)) {
          queue.poll();
          finished(w, shard);
          w.client.home().controlOrRun(() -> w.client.retryParked(w));
        }
        continue;
      }
      if (!w.done.compareAndSet(false, true)) {
        queue.poll();
        continue;
      }
      queue.poll();
      ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
      CommandContext served = new CommandContext(server, w.spec, w.args, new ReplyWriter(buf, w.resp), w.client,
          scope, w.db, System.currentTimeMillis()).serving(key);
      long start = System.nanoTime();
      w.handler.execute(served);
      // As Redis: a blocked command reaches SLOWLOG when it is served, with the time it ran then.
      server.slowLog().record(w.spec, w.args, (System.nanoTime() - start) / 1000, w.client);
      if (served.dirtyCount() > 0) {
        server.aof().feed(served); // logged as its non-blocking form
        server.tracking().afterWrite(served, scope);
      }
      finished(w, shard);
      w.client.home().controlOrRun(() -> w.client.complete(w.slot, buf));
      // What it wrote (BLMOVE's destination) may in turn serve others.
      for (byte[] other : w.handler.otherKeysWhenServing(w.args)) ready.add(other);
    }
    // Back in front, in their order (the registry may have dropped the emptied queue meanwhile).
    if (notReady != null) registry.putFirst(db, key, notReady);
    registry.dropIfEmpty(db, key);
  }

  private boolean holdsAll(Scope scope, byte[][] keys) {
    for (byte[] k : keys) if (!scope.holds(router.shardOf(k))) return false;
    return true;
  }

  /** A waiter was answered: cancel its timer and drop its registrations on other shards. */
  private void finished(Waiter w, int servedShard) {
    w.cancelTimeout();
    w.client.home().controlOrRun(() -> w.client.parkedOn(null));
    unregister(w, servedShard);
  }

  /** Removes a waiter's registrations, each on its own shard's thread, in queue order. */
  private void unregister(Waiter w, int skipShard) {
    for (int s = 0; s < registries.length; s++) {
      if (s == skipShard) continue;
      java.util.List<byte[]> mine = new java.util.ArrayList<>();
      for (byte[] k : w.keys) if (router.shardOf(k) == s) mine.add(k);
      if (mine.isEmpty()) continue;
      BlockingRegistry r = registries[s];
      byte[][] keys = mine.toArray(new byte[0][]);
      router.shard(s).submit(new ShardTask() {
        @Override
        public void run(Shard shard) {
          r.remove(w, keys);
        }
      });
    }
    if (skipShard >= 0) {
      java.util.List<byte[]> mine = new java.util.ArrayList<>();
      for (byte[] k : w.keys) if (router.shardOf(k) == skipShard) mine.add(k);
      registries[skipShard].remove(w, mine.toArray(new byte[0][]));
    }
  }

  /** On the client's loop: the timeout passed before any key became ready. */
  private void timedOut(Waiter w) {
    if (!w.done.compareAndSet(false, true)) return;
    answerUnserved(w, false);
  }

  /**
   * CLIENT UNBLOCK, from any thread: answers a parked client as its timeout would, or with
   * Redis's UNBLOCKED error. False when it was answered already (served, timed out, gone).
   */
  boolean unblock(Waiter w, boolean withError) {
    if (!w.done.compareAndSet(false, true)) return false;
    w.cancelTimeout();
    w.client.home().controlOrRun(() -> answerUnserved(w, withError));
    return true;
  }

  /** On the client's loop, once {@code w} is done without a key: drops it and writes its reply. */
  private void answerUnserved(Waiter w, boolean withError) {
    w.client.parkedOn(null);
    unregister(w, -1);
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(16);
    ReplyWriter out = new ReplyWriter(buf, w.resp);
    if (withError) out.error("UNBLOCKED client unblocked via CLIENT UNBLOCK");
    else w.handler.timeoutReply(out);
    w.client.complete(w.slot, buf);
  }

  /** On the client's loop: the client went away while parked. */
  void abandoned(Waiter w) {
    if (!w.done.compareAndSet(false, true)) return;
    w.cancelTimeout();
    unregister(w, -1);
  }

  /** Parked clients and keys, for INFO clients (blocked_clients is counted by the registry of clients). */
  int blockedKeys() {
    int n = 0;
    for (BlockingRegistry r : registries) n += r.keyCount(); // racy read: statistics only
    return n;
  }
}
