package io.redline.modules.chat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A blocking test client for the chat endpoint: send JSON, take frames in arrival order. */
final class WsClient implements AutoCloseable {
  /** Kept referenced: Vert.x closes a client, and its connections, once it is garbage. */
  private final io.vertx.core.http.WebSocketClient client;
  private final WebSocket ws;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  volatile boolean closed;

  WsClient(Vertx vertx, int port) throws Exception {
    // Handlers are set in the connect callback, on the socket's loop, before any frame is read.
    client = vertx.createWebSocketClient();
    ws = client.connect(port, "127.0.0.1", "/chat").onSuccess(w -> {
      w.textMessageHandler(t -> frames.add(new JsonObject(t)));
      w.closeHandler(v -> closed = true);
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  void send(JsonObject o) { ws.writeTextMessage(o.encode()); }

  /** The next frame (fails the test after 10 s without one). */
  JsonObject next() throws InterruptedException {
    JsonObject o = frames.poll(10, TimeUnit.SECONDS);
    if (o == null) throw new AssertionError("no frame from the chat endpoint within 10 s");
    return o;
  }

  /** The next frame of the given type, skipping others (welcome, acks). */
  JsonObject next(String type) throws InterruptedException {
    while (true) {
      JsonObject o = next();
      if (type.equals(o.getString("type"))) return o;
    }
  }

  @Override
  public void close() {
    ws.close();
    client.close();
  }
}
