package io.redline.server;

import io.redline.shard.Shard;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * One per shard: binds its shard to this verticle's event loop, then (when told) listens on the
 * shared RESP port, so connections accepted here live on the same loop as this shard's data.
 */
final class RespVerticle extends VerticleBase {
  private final ServerContext server;
  private final Shard shard;
  private NetServer netServer;
  private CommandDispatcher dispatcher;

  RespVerticle(ServerContext server, Shard shard) {
    this.server = server;
    this.shard = shard;
  }

  @Override
  public Future<?> start() {
    ContextInternal ctx = (ContextInternal) context;
    shard.bind(ctx.nettyEventLoop(), () -> server.config().getInt("hz"));
    dispatcher = new CommandDispatcher(server, shard);
    vertx.setPeriodic(1000, id -> closeIdleClients());
    return Future.succeededFuture();
  }

  /** Starts accepting connections; runs on this verticle's context. */
  Future<Integer> listen(String host, int port) {
    Promise<Integer> done = Promise.promise();
    context.runOnContext(v -> {
      NetServerOptions opts = new NetServerOptions()
          .setTcpNoDelay(true)
          .setReuseAddress(true)
          .setAcceptBacklog(server.config().getInt("tcp-backlog"))
          .setTcpKeepAlive(server.config().getInt("tcp-keepalive") > 0);
      netServer = vertx.createNetServer(opts);
      netServer.connectHandler(socket -> accept((NetSocketInternal) socket));
      netServer.listen(port, host).onComplete(ar -> {
        if (ar.succeeded()) done.complete(ar.result().actualPort());
        else done.fail(ar.cause());
      });
    });
    return done.future();
  }

  private void accept(NetSocketInternal socket) {
    if (server.clients().count() >= server.config().getInt("maxclients")) {
      server.stats().rejectedConnections.increment();
      socket.write("-ERR max number of clients reached\r\n").onComplete(v -> socket.close());
      return;
    }
    new ClientConnection(server, socket, shard, dispatcher).start();
  }

  /** The "timeout" option: clients idle for longer are closed, as Redis's clientsCron does. */
  private void closeIdleClients() {
    long timeoutMillis = server.config().getLong("timeout") * 1000;
    if (timeoutMillis <= 0) return;
    long now = System.currentTimeMillis();
    for (ClientConnection c : server.clients().all()) {
      if (c.home() == shard && c.pendingReplies() == 0 && now - c.lastInteractionMillis() > timeoutMillis) c.kill();
    }
  }

  @Override
  public Future<?> stop() {
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }
}
