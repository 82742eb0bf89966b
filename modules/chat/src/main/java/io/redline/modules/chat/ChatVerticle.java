package io.redline.modules.chat;

import io.redline.pubsub.PubSubHub;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.Supplier;

/**
 * One event loop's share of the chat endpoint: the HTTP server (Vert.x spreads connections over
 * the instances listening on the same port), the chat page, the WebSocket at /chat, and this
 * loop's links to the server. The instance with {@code recorder} set also keeps room history.
 */
final class ChatVerticle extends VerticleBase {
  static final String WEBSOCKET_PATH = "/chat";

  private final Supplier<ChatSettings> settings;
  private final int httpPort;
  private final String httpHost;
  private final boolean recorder;
  private final PubSubHub hub;
  private NetClient net;
  private Upstream commands;
  private Upstream historyWriter;
  private HistoryRecorder history;
  private HttpServer http;

  ChatVerticle(PubSubHub hub, Supplier<ChatSettings> settings, int httpPort, String httpHost, boolean recorder) {
    this.hub = hub;
    this.settings = settings;
    this.httpPort = httpPort;
    this.httpHost = httpHost;
    this.recorder = recorder;
  }

  @Override
  public Future<?> start() {
    int lane = hub.currentLane();
    if (lane < 0) return io.vertx.core.Future.failedFuture("chat: not deployed on one of the server's event loops");
    net = vertx.createNetClient();
    commands = new Upstream(vertx, net, settings, "redline-chat");
    FrameCache frames = new FrameCache();
    Authenticator auth = new Authenticator(vertx, net, settings);
    Router router = Router.router(vertx);
    router.route("/*").handler(StaticHandler.create("chat-webroot"));
    // A peer that stops reading can't complete the close handshake: don't keep it for long.
    http = vertx.createHttpServer(new HttpServerOptions().setWebSocketClosingTimeout(2).setMaxWebSocketFrameSize(65536))
        .webSocketHandler(ws -> {
          if (!WEBSOCKET_PATH.equals(ws.path())) {
            ws.close((short) 1008, "unknown path");
            return;
          }
          new ChatSession(ws, hub, lane, frames, commands, auth, settings);
        })
        .requestHandler(router);
    Future<?> started = http.listen(httpPort, httpHost);
    if (recorder) {
      historyWriter = new Upstream(vertx, net, settings, "redline-chat-history");
      history = new HistoryRecorder(context, historyWriter, settings);
      hub.observe(history);
    }
    return started;
  }

  @Override
  public Future<?> stop() {
    if (history != null) hub.stopObserving(history);
    for (Upstream u : new Upstream[] {commands, historyWriter}) if (u != null) u.close();
    return http == null ? Future.succeededFuture() : http.close();
  }
}
