package io.redline.modules.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.function.Supplier;

/**
 * A lazily (re)opened {@link RespLink}: the server may close an idle one (the {@code timeout}
 * option), so each use checks and reconnects, and concurrent first uses share one connect.
 */
final class Upstream {
  private final Vertx vertx;
  private final NetClient client;
  private final Supplier<ChatSettings> settings;
  private final String name;
  private Future<RespLink> link;

  Upstream(Vertx vertx, NetClient client, Supplier<ChatSettings> settings, String name) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.name = name;
  }

  Future<RespLink> get() {
    if (link != null && !(link.succeeded() && link.result().closed()) && !link.failed()) return link;
    ChatSettings s = settings.get();
    Future<RespLink> opening = RespLink.open(vertx, client, s.host(), s.port(), s.password(), name);
    link = opening;
    opening.onFailure(e -> { if (link == opening) link = null; }); // the next use tries again
    return link;
  }

  void close() {
    if (link != null && link.succeeded()) link.result().close();
  }
}
