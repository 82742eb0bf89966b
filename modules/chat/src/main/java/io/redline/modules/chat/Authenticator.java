package io.redline.modules.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.function.Supplier;

/**
 * Checks a browser's credentials by sending AUTH to the server on a connection of its own, so the
 * WebSocket endpoint accepts exactly what AUTH accepts (requirepass today, ACL users when they come).
 */
final class Authenticator {
  private final Vertx vertx;
  private final NetClient client;
  private final Supplier<ChatSettings> settings;

  Authenticator(Vertx vertx, NetClient client, Supplier<ChatSettings> settings) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
  }

  /** Completes with null when accepted, or the server's error text. */
  Future<String> check(String user, String password) {
    ChatSettings s = settings.get();
    return RespLink.open(vertx, client, s.host(), s.port(), null, "redline-chat-auth").compose(link -> {
      Future<Object> r = user == null ? link.call("AUTH", password) : link.call("AUTH", user, password);
      return r.map(reply -> {
        link.close();
        return reply instanceof RespReplyReader.ErrorReply e ? e.text() : null;
      });
    });
  }
}
