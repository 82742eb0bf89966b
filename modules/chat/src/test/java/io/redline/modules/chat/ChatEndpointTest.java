package io.redline.modules.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.FreePort;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browsers' side of pub/sub: the WebSocket endpoint against RESP clients, history, limits. */
class ChatEndpointTest {
  static final int HTTP_PORT = FreePort.find();
  @RegisterExtension
  static final RedlineInstance redline = new RedlineInstance("--http-port", Integer.toString(HTTP_PORT));
  static final Vertx vertx = Vertx.vertx();

  @AfterAll
  static void closeVertx() { vertx.close(); }

  private static JsonObject op(String op, String channel) { return new JsonObject().put("op", op).put("channel", channel); }

  @Test
  void respPublishReachesBrowserAndBrowserPublishReachesResp() throws Exception {
    try (WsClient ws = new WsClient(vertx, HTTP_PORT); RawClient sub = redline.connect(); RawClient pub = redline.connect()) {
      assertEquals(new JsonObject().put("type", "welcome").put("auth", false), ws.next());
      ws.send(op("subscribe", "room:a").put("id", 1));
      JsonObject joined = ws.next("subscribed");
      assertEquals("room:a", joined.getString("channel"));
      assertEquals(new JsonArray(), joined.getJsonArray("history"));
      sub.call("SUBSCRIBE", "room:a");
      // The browser and the RESP subscriber (the history recorder observes without counting).
      assertEquals(":2\r\n", pub.callText("PUBLISH", "room:a", "from resp"));
      JsonObject m = ws.next("message");
      assertEquals("room:a", m.getString("channel"));
      assertEquals("from resp", m.getString("message"));
      sub.readRaw();
      ws.send(op("publish", "room:a").put("message", "from browser").put("id", 2));
      assertEquals("*3\r\n$7\r\nmessage\r\n$6\r\nroom:a\r\n$12\r\nfrom browser\r\n", new String(sub.readRaw(), "ISO-8859-1"));
      JsonObject ack = ws.next("published");
      assertEquals(2, ack.getInteger("id"));
      assertEquals(2, ack.getLong("receivers"));
    }
  }

  @Test
  void lateJoinerGetsRecentHistory() throws Exception {
    try (RawClient pub = redline.connect()) {
      // The recorder subscribes at start-up, so these are kept even with no browser in the room.
      for (int i = 1; i <= 5; i++) pub.call("PUBLISH", "room:h", "m" + i);
      for (int i = 0; i < 200 && !pub.callText("LLEN", "chat-history:room:h").equals(":5\r\n"); i++) Thread.sleep(10);
      try (WsClient ws = new WsClient(vertx, HTTP_PORT)) {
        ws.send(op("subscribe", "room:h").put("history", 3));
        assertEquals(new JsonArray().add("m3").add("m4").add("m5"), ws.next("subscribed").getJsonArray("history"));
      }
    }
  }

  @Test
  void reservedChannelsAndBadRequestsAreRefused() throws Exception {
    try (WsClient ws = new WsClient(vertx, HTTP_PORT)) {
      ws.next("welcome");
      ws.send(op("subscribe", "__keyevent@0__:expired").put("id", 7));
      JsonObject e = ws.next("error");
      assertEquals(7, e.getInteger("id"));
      assertEquals("channel '__keyevent@0__:expired' is not open to WebSocket clients", e.getString("error"));
      ws.send(new JsonObject().put("op", "nope"));
      assertEquals("unknown op 'nope'", ws.next("error").getString("error"));
    }
  }

  @Test
  void publishRateIsLimitedPerConnection() throws Exception {
    try (RawClient admin = redline.connect()) {
      admin.call("CONFIG", "SET", "chat-publish-rate", "2");
      Thread.sleep(1100); // the module re-reads its settings once a second
      try (WsClient fresh = new WsClient(vertx, HTTP_PORT)) {
        fresh.next("welcome");
        for (int i = 0; i < 6; i++) fresh.send(op("publish", "room:r").put("message", "x").put("id", i));
        int published = 0, refused = 0;
        for (int i = 0; i < 6; i++) {
          JsonObject r = fresh.next();
          if (r.getString("type").equals("published")) published++;
          else if ("publish rate limit exceeded".equals(r.getString("error"))) refused++;
        }
        assertTrue(published >= 2 && published <= 3 && refused == 6 - published, published + " published, " + refused + " refused");
      } finally {
        admin.call("CONFIG", "SET", "chat-publish-rate", "20");
      }
    }
  }

  @Test
  void servesTheChatPage() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Redline chat</title>"));
  }
}
