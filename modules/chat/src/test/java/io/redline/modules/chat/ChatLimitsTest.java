package io.redline.modules.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.FreePort;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication as AUTH checks it, and the pubsub output-buffer limit for browsers that stop reading. */
class ChatLimitsTest {
  static final int HTTP_PORT = FreePort.find();
  @RegisterExtension
  static final RedlineInstance redline = new RedlineInstance("--http-port", Integer.toString(HTTP_PORT),
      "--requirepass", "s3cret", "--client-output-buffer-limit", "pubsub 256kb 128kb 60");
  static final Vertx vertx = Vertx.vertx();

  @AfterAll
  static void closeVertx() { vertx.close(); }

  @Test
  void browsersAuthenticateWithTheServersPassword() throws Exception {
    try (WsClient ws = new WsClient(vertx, HTTP_PORT)) {
      assertEquals(new JsonObject().put("type", "welcome").put("auth", true), ws.next());
      ws.send(new JsonObject().put("op", "subscribe").put("channel", "room:x"));
      assertEquals("NOAUTH Authentication required.", ws.next("error").getString("error"));
      ws.send(new JsonObject().put("op", "auth").put("password", "wrong"));
      assertEquals("WRONGPASS invalid username-password pair or user is disabled.", ws.next("error").getString("error"));
      ws.send(new JsonObject().put("op", "auth").put("password", "s3cret").put("id", 1));
      assertEquals(new JsonObject().put("type", "ok").put("id", 1), ws.next());
      ws.send(new JsonObject().put("op", "subscribe").put("channel", "room:x").put("history", 0));
      assertEquals("room:x", ws.next("subscribed").getString("channel"));
    }
  }

  @Test
  void browserThatStopsReadingIsCutOffWhileOthersGetEverything() throws Exception {
    try (Socket stalled = new Socket(); WsClient reader = new WsClient(vertx, HTTP_PORT); RawClient pub = redline.connect()) {
      stalled.setReceiveBufferSize(4096); // before connecting, so the advertised window stays small
      stalled.connect(new java.net.InetSocketAddress("127.0.0.1", HTTP_PORT));
      OutputStream out = stalled.getOutputStream();
      out.write(("GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      awaitUpgrade(stalled.getInputStream()); // as browsers do: frames only after the 101 (Vert.x drops earlier ones)
      out.write(maskedText("{\"op\":\"auth\",\"password\":\"s3cret\"}"));
      out.write(maskedText("{\"op\":\"subscribe\",\"channel\":\"room:slow\",\"history\":0}"));
      out.flush();
      reader.next("welcome");
      reader.send(new JsonObject().put("op", "auth").put("password", "s3cret"));
      reader.next("ok");
      reader.send(new JsonObject().put("op", "subscribe").put("channel", "room:slow").put("history", 0));
      reader.next("subscribed");
      pub.call("AUTH", "s3cret");
      String body = "x".repeat(1024);
      // ~10 MB in batches the live reader keeps up with: only the stalled browser falls behind, far
      // past its 256 kB limit plus what the kernel queues for it (tcp_wmem allows up to 4 MB).
      for (int batch = 0; batch < 100; batch++) {
        for (int i = 0; i < 100; i++) pub.send("PUBLISH", "room:slow", batch * 100 + i + ":" + body);
        for (int i = 0; i < 100; i++) pub.readRaw();
        for (int i = 0; i < 100; i++) assertEquals(batch * 100 + i + ":" + body, reader.next("message").getString("message"));
      }
      assertTrue(closedByServer(stalled), "the stalled browser was not disconnected");
    }
  }

  private static void awaitUpgrade(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new AssertionError("closed during the WebSocket handshake: " + head);
      head.append((char) b);
    }
    assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
  }

  /** Reads what is left; a server that closed the connection ends the stream (or resets it). */
  private static boolean closedByServer(Socket s) throws Exception {
    s.setSoTimeout(15_000);
    InputStream in = s.getInputStream();
    byte[] buf = new byte[1 << 16];
    try {
      while (in.read(buf) >= 0) { }
      return true;
    } catch (java.net.SocketException reset) {
      return true;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    }
  }

  /** A client-to-server text frame (clients must mask). */
  private static byte[] maskedText(String text) {
    byte[] p = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
    f.write(0x81);
    f.write(0x80 | p.length); // short frames only (< 126 bytes)
    f.write(mask, 0, 4);
    for (int i = 0; i < p.length; i++) f.write(p[i] ^ mask[i % 4]);
    return f.toByteArray();
  }
}
