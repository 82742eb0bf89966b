package io.redline.modules.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One RESP2 connection from the chat module to its own server over loopback. The module is a
 * client like any other: it gets the server's exact pub/sub semantics, authentication and
 * limits without reaching into the core. Replies complete the commands in order. (Room history
 * reads and writes use it; messages themselves go through the pub/sub hub directly.)
 */
final class RespLink {
  private final NetSocket socket;
  private final ArrayDeque<Promise<Object>> waiting = new ArrayDeque<>();
  private boolean closed;

  private RespLink(NetSocket socket) {
    this.socket = socket;
    RespReplyReader reader = new RespReplyReader(this::onReply);
    socket.handler(reader::feed);
    socket.closeHandler(v -> {
      closed = true;
      while (!waiting.isEmpty()) waiting.poll().tryFail("connection closed");
    });
  }

  /** Connects to {@code host:port} and, when {@code password} is set, authenticates. */
  static Future<RespLink> open(Vertx vertx, NetClient client, String host, int port, String password, String name) {
    return client.connect(port, host).compose(s -> {
      RespLink link = new RespLink(s);
      Future<Object> ready = password == null || password.isEmpty() ? Future.succeededFuture() : link.call("AUTH", password);
      return ready.compose(r -> r instanceof RespReplyReader.ErrorReply e ? Future.failedFuture(e.text()) : link.call("CLIENT", "SETNAME", name))
          .map(r -> link);
    });
  }

  boolean closed() { return closed; }
  NetSocket socket() { return socket; }

  private void onReply(Object reply) {
    Promise<Object> p = waiting.poll();
    if (p != null) p.complete(reply);
  }

  /** Sends one command; the future completes with its reply (an error reply is a value, not a failure). */
  Future<Object> call(String... args) {
    byte[][] b = new byte[args.length][];
    for (int i = 0; i < args.length; i++) b[i] = args[i].getBytes(StandardCharsets.UTF_8);
    return call(b);
  }

  Future<Object> call(byte[]... args) {
    if (closed) return Future.failedFuture("connection closed");
    Buffer out = Buffer.buffer(32);
    out.appendString("*" + args.length + "\r\n");
    for (byte[] a : args) out.appendString("$" + a.length + "\r\n").appendBytes(a).appendString("\r\n");
    Promise<Object> p = Promise.promise();
    waiting.add(p);
    socket.write(out);
    return p.future();
  }

  void close() {
    if (!closed) socket.close();
  }
}
