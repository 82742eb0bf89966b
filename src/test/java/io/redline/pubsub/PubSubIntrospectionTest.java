package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the server tells about subscribers (CLIENT LIST / INFO / CLIENT KILL TYPE pubsub), and the
 * lifecycle cases a differential file cannot state: connection ids, closing, a RESP3 client's own
 * messages. Shapes are checked against redis-server in pubsub-*.txt; this checks the values.
 */
class PubSubIntrospectionTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static String field(String line, String name) {
    Matcher m = Pattern.compile("(?:^| )" + name + "=(\\S*)").matcher(line);
    assertTrue(m.find(), name + " in " + line);
    return m.group(1);
  }

  private static String clientLine(RawClient admin, long id) throws IOException {
    return admin.callParsed("CLIENT", "LIST", "ID", Long.toString(id)).text().trim();
  }

  private static long info(RawClient c, String field) throws IOException {
    Matcher m = Pattern.compile(field + ":(\\d+)").matcher(c.callParsed("INFO", "stats").text());
    assertTrue(m.find(), field);
    return Long.parseLong(m.group(1));
  }

  @Test
  void clientListAndInfoShowSubscriptions() throws Exception {
    try (RawClient admin = REDLINE.connect(); RawClient sub = REDLINE.connect()) {
      long id = sub.callParsed("CLIENT", "ID").integer();
      String before = clientLine(admin, id);
      assertEquals("N", field(before, "flags"));
      assertEquals("0", field(before, "sub"));
      assertEquals("-1", field(before, "multi"));
      long channels = info(admin, "pubsub_channels");
      long patterns = info(admin, "pubsub_patterns");
      long shard = info(admin, "pubsubshard_channels");

      sub.send("SUBSCRIBE", "pi:a", "pi:b");
      sub.readRaw();
      sub.readRaw();
      sub.call("PSUBSCRIBE", "pi:*");
      sub.call("SSUBSCRIBE", "pi:s");
      String line = clientLine(admin, id);
      assertEquals("P", field(line, "flags"));
      assertEquals("2", field(line, "sub"));
      assertEquals("1", field(line, "psub"));
      assertEquals("1", field(line, "ssub"));
      assertEquals("ssubscribe", field(line, "cmd"));
      assertEquals(channels + 2, info(admin, "pubsub_channels"));
      assertEquals(patterns + 1, info(admin, "pubsub_patterns"));
      assertEquals(shard + 1, info(admin, "pubsubshard_channels"));
      assertTrue(admin.callParsed("CLIENT", "LIST", "TYPE", "pubsub").text().contains("id=" + id + " "));
      assertTrue(!admin.callParsed("CLIENT", "LIST", "TYPE", "normal").text().contains("id=" + id + " "));

      // CLIENT KILL TYPE pubsub closes it, and its subscriptions go with it.
      assertEquals(1, admin.callParsed("CLIENT", "KILL", "TYPE", "pubsub").integer());
      assertTrue(sub.closedByPeer(5000));
      PubSubServers.await("subscriptions dropped", () -> {
        try {
          return info(admin, "pubsub_channels") == channels && info(admin, "pubsub_patterns") == patterns
              && info(admin, "pubsubshard_channels") == shard;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertEquals(":0\r\n", admin.callText("PUBLISH", "pi:a", "x"));
    }
  }

  @Test
  void multiIsShownWithItsQueueLength() throws Exception {
    try (RawClient admin = REDLINE.connect(); RawClient tx = REDLINE.connect()) {
      long id = tx.callParsed("CLIENT", "ID").integer();
      tx.call("MULTI");
      tx.call("SET", "pi:k", "v");
      tx.call("PUBLISH", "pi:tx", "v");
      String line = clientLine(admin, id);
      assertEquals("x", field(line, "flags"));
      assertEquals("2", field(line, "multi"));
      tx.call("DISCARD");
    }
  }

  @Test
  void closingTheConnectionDropsItsSubscriptions() throws Exception {
    try (RawClient pub = REDLINE.connect()) {
      RawClient sub = REDLINE.connect();
      sub.call("SUBSCRIBE", "pi:closing");
      sub.call("PSUBSCRIBE", "pi:clos*");
      assertEquals(":2\r\n", pub.callText("PUBLISH", "pi:closing", "before"));
      sub.close();
      PubSubServers.await("the closed subscriber to be dropped", () -> {
        try {
          return pub.callText("PUBLISH", "pi:closing", "after").equals(":0\r\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertEquals("*2\r\n$10\r\npi:closing\r\n:0\r\n", pub.callText("PUBSUB", "NUMSUB", "pi:closing"));
    }
  }

  @Test
  void resp3SubscriberPublishingToItself() throws Exception {
    try (RawClient c = REDLINE.connect()) {
      c.call("HELLO", "3");
      c.call("SUBSCRIBE", "pi:self");
      // As Redis: the push is written inside PUBLISH, before its reply (same loop: at once).
      c.send("PUBLISH", "pi:self", "me");
      assertEquals(">3\r\n$7\r\nmessage\r\n$7\r\npi:self\r\n$2\r\nme\r\n", new String(c.readRaw(), "ISO-8859-1"));
      assertEquals(":1\r\n", new String(c.readRaw(), "ISO-8859-1"));
      assertEquals("+PONG\r\n", c.callText("PING"));
    }
  }

  @Test
  void messagesNeverOvertakeARepliesOwedInResp2() throws Exception {
    // A pipeline whose first command is answered by other shards: the subscribe confirmation
    // waits behind its reply, and so must every message published meanwhile (by a publisher
    // running flat out on another connection the whole time).
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Thread publisher = new Thread(() -> {
      try (RawClient pub = REDLINE.connect()) {
        for (long i = 0; !stop.get(); i++) pub.call("PUBLISH", "pi:order", Long.toString(i));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    publisher.start();
    try {
      for (int trial = 0; trial < 20; trial++) {
        try (RawClient c = REDLINE.connect()) {
          c.sendRaw(concat(RawClient.encode("MGET", "a", "b", "c", "d", "e", "f", "g", "h"),
              RawClient.encode("SUBSCRIBE", "pi:order")));
          assertTrue(new String(c.readRaw(), "ISO-8859-1").startsWith("*8\r\n"), "MGET's reply first");
          assertEquals("*3\r\n$9\r\nsubscribe\r\n$8\r\npi:order\r\n:1\r\n", new String(c.readRaw(), "ISO-8859-1"));
          long last = -1;
          for (int i = 0; i < 20; i++) {
            io.redline.testing.RespReply m = c.readReply();
            assertEquals("message", m.elements.get(0).text());
            long n = Long.parseLong(m.elements.get(2).text());
            assertTrue(n > last, "in publish order: " + n + " after " + last);
            last = n;
          }
        }
      }
    } finally {
      stop.set(true);
      publisher.join(5000);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
