package io.redline.modules.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XREAD / XREADGROUP BLOCK over TCP, on a 4-shard server: the client is parked (no thread),
 * woken by an XADD from another client whichever shard its keys live on, served with the one
 * stream that became ready; "$" means after the last ID when it blocked; each parked reader
 * waits for its own ID; a parked XREADGROUP gets Redis's error when its stream or group goes;
 * a timeout answers a null array (RESP3: null).
 */
class StreamBlockingTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  /** Waits until the server reports {@code n} parked clients, so test steps happen in order. */
  private static void awaitBlocked(RawClient admin, int n) throws Exception {
    for (int i = 0; i < 500; i++) {
      if (admin.callText("INFO", "clients").contains("blocked_clients:" + n + "\r\n")) return;
      Thread.sleep(10);
    }
    throw new AssertionError("never saw " + n + " blocked clients");
  }

  /** A key named {@code prefix}N that lives on a different shard than {@code other}. */
  private static String keyOnAnotherShard(String prefix, String other) {
    for (int i = 0; ; i++) {
      String k = prefix + i;
      if (redline.shardOf(k) != redline.shardOf(other)) return k;
    }
  }

  private static String entry(String id, String field, String value) {
    return "*2\r\n$" + id.length() + "\r\n" + id + "\r\n*2\r\n$" + field.length() + "\r\n" + field + "\r\n$"
        + value.length() + "\r\n" + value + "\r\n";
  }

  private static String oneStream(String key, String entries) {
    return "*1\r\n*2\r\n$" + key.length() + "\r\n" + key + "\r\n" + entries;
  }

  @Test
  void xreadOnKeysOfTwoShardsIsWokenByXaddOfAnotherClient() throws Exception {
    String a = "xr-a";
    String b = keyOnAnotherShard("xr-b", a);
    assertNotEquals(redline.shardOf(a), redline.shardOf(b), "keys must be on different shards");
    try (RawClient admin = redline.connect(); RawClient reader = redline.connect(); RawClient producer = redline.connect()) {
      admin.call("DEL", a, b);
      admin.call("XADD", a, "1-1", "old", "x"); // before the block: "$" must not return it
      reader.send("XREAD", "BLOCK", "0", "STREAMS", a, b, "$", "$");
      awaitBlocked(admin, 1);
      assertEquals("$3\r\n5-1\r\n", producer.callText("XADD", b, "5-1", "f", "v"));
      assertEquals(oneStream(b, "*1\r\n" + entry("5-1", "f", "v")), new String(reader.readRaw()));
      awaitBlocked(admin, 0);
      // Parked again on both; now the other shard's key wakes it, with entries after 1-1 only.
      reader.send("XREAD", "BLOCK", "0", "STREAMS", a, b, "$", "$");
      awaitBlocked(admin, 1);
      producer.call("XADD", a, "2-1", "g", "w");
      assertEquals(oneStream(a, "*1\r\n" + entry("2-1", "g", "w")), new String(reader.readRaw()));
    }
  }

  @Test
  void eachParkedReaderWaitsForItsOwnId() throws Exception {
    try (RawClient admin = redline.connect(); RawClient far = redline.connect(); RawClient near = redline.connect();
         RawClient near2 = redline.connect()) {
      admin.call("DEL", "ids");
      admin.call("XADD", "ids", "1-1", "a", "1");
      far.send("XREAD", "BLOCK", "0", "STREAMS", "ids", "100-0"); // first in line, but wants more
      awaitBlocked(admin, 1);
      near.send("XREAD", "BLOCK", "0", "STREAMS", "ids", "$");
      awaitBlocked(admin, 2);
      near2.send("XREAD", "COUNT", "1", "BLOCK", "0", "STREAMS", "ids", "0");
      // "0" is before 1-1: that one is served at once, not parked.
      assertEquals(oneStream("ids", "*1\r\n" + entry("1-1", "a", "1")), new String(near2.readRaw()));
      admin.call("XADD", "ids", "2-1", "b", "2");
      assertEquals(oneStream("ids", "*1\r\n" + entry("2-1", "b", "2")), new String(near.readRaw()));
      awaitBlocked(admin, 1); // the far reader is still parked
      admin.call("XADD", "ids", "100-1", "c", "3");
      assertEquals(oneStream("ids", "*1\r\n" + entry("100-1", "c", "3")), new String(far.readRaw()));
    }
  }

  @Test
  void oneXaddServesEveryReaderItSatisfies() throws Exception {
    try (RawClient admin = redline.connect(); RawClient r1 = redline.connect(); RawClient r2 = redline.connect()) {
      admin.call("DEL", "fan");
      r1.send("XREAD", "BLOCK", "0", "STREAMS", "fan", "$");
      r2.send("XREAD", "BLOCK", "0", "STREAMS", "fan", "$");
      awaitBlocked(admin, 2);
      admin.call("XADD", "fan", "7-7", "k", "v");
      String expected = oneStream("fan", "*1\r\n" + entry("7-7", "k", "v"));
      assertEquals(expected, new String(r1.readRaw()));
      assertEquals(expected, new String(r2.readRaw()));
    }
  }

  @Test
  void anEntryTrimmedAwayAtOnceStillWakesTheReaderWithNothing() throws Exception {
    try (RawClient admin = redline.connect(); RawClient reader = redline.connect()) {
      admin.call("DEL", "gone");
      reader.send("XREAD", "BLOCK", "0", "STREAMS", "gone", "$");
      awaitBlocked(admin, 1);
      admin.call("XADD", "gone", "MAXLEN", "0", "1-1", "f", "v");
      // As Redis: it compares with the last ID ever added, then finds no entry to send.
      assertEquals(oneStream("gone", "*0\r\n"), new String(reader.readRaw()));
    }
  }

  @Test
  void xreadgroupOnAnotherShardIsWokenAndTheEntryBecomesPending() throws Exception {
    String q = "xg-q";
    String other = keyOnAnotherShard("xg-other", q);
    try (RawClient admin = redline.connect(); RawClient w1 = redline.connect(); RawClient w2 = redline.connect();
         RawClient producer = redline.connect()) {
      admin.call("DEL", q, other);
      admin.callText("XGROUP", "CREATE", q, "g", "$", "MKSTREAM");
      admin.callText("XGROUP", "CREATE", other, "g", "$", "MKSTREAM");
      w1.send("XREADGROUP", "GROUP", "g", "w1", "BLOCK", "0", "STREAMS", other, q, ">", ">");
      awaitBlocked(admin, 1);
      w2.send("XREADGROUP", "GROUP", "g", "w2", "BLOCK", "0", "STREAMS", q, ">");
      awaitBlocked(admin, 2);
      producer.call("XADD", q, "1-1", "job", "one");
      assertEquals(oneStream(q, "*1\r\n" + entry("1-1", "job", "one")), new String(w1.readRaw()));
      awaitBlocked(admin, 1); // one entry, one reader: w2 is still parked
      producer.call("XADD", q, "2-1", "job", "two");
      assertEquals(oneStream(q, "*1\r\n" + entry("2-1", "job", "two")), new String(w2.readRaw()));
      String pending = admin.callText("XPENDING", q, "g");
      assertEquals("*4\r\n:2\r\n$3\r\n1-1\r\n$3\r\n2-1\r\n*2\r\n*2\r\n$2\r\nw1\r\n$1\r\n1\r\n*2\r\n$2\r\nw2\r\n$1\r\n1\r\n", pending);
    }
  }

  @Test
  void noackReadersLeaveNothingPending() throws Exception {
    try (RawClient admin = redline.connect(); RawClient w = redline.connect()) {
      admin.call("DEL", "na");
      admin.callText("XGROUP", "CREATE", "na", "g", "$", "MKSTREAM");
      w.send("XREADGROUP", "GROUP", "g", "c", "NOACK", "BLOCK", "0", "STREAMS", "na", ">");
      awaitBlocked(admin, 1);
      admin.call("XADD", "na", "1-1", "f", "v");
      assertEquals(oneStream("na", "*1\r\n" + entry("1-1", "f", "v")), new String(w.readRaw()));
      assertEquals("*4\r\n:0\r\n$-1\r\n$-1\r\n*-1\r\n", admin.callText("XPENDING", "na", "g"));
    }
  }

  @Test
  void aParkedGroupReaderGetsAnErrorWhenItsStreamOrGroupGoes() throws Exception {
    try (RawClient admin = redline.connect(); RawClient w = redline.connect()) {
      admin.call("DEL", "err");
      admin.callText("XGROUP", "CREATE", "err", "g", "$", "MKSTREAM");
      w.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "err", ">");
      awaitBlocked(admin, 1);
      admin.call("DEL", "err");
      assertEquals("-UNBLOCKED the stream key no longer exists\r\n", new String(w.readRaw()));

      admin.callText("XGROUP", "CREATE", "err", "g", "$", "MKSTREAM");
      w.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "err", ">");
      awaitBlocked(admin, 1);
      assertEquals(":1\r\n", admin.callText("XGROUP", "DESTROY", "err", "g"));
      assertEquals("-NOGROUP the consumer group this client was blocked on no longer exists\r\n", new String(w.readRaw()));

      admin.callText("XGROUP", "CREATE", "err", "g", "$", "MKSTREAM");
      w.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "err", ">");
      awaitBlocked(admin, 1);
      admin.call("SET", "err", "now a string");
      assertEquals("-UNBLOCKED the stream key no longer exists\r\n", new String(w.readRaw()));

      admin.call("DEL", "err");
      admin.callText("XGROUP", "CREATE", "err", "g", "$", "MKSTREAM");
      w.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "err", ">");
      awaitBlocked(admin, 1);
      admin.call("FLUSHALL");
      assertEquals("-UNBLOCKED the stream key no longer exists\r\n", new String(w.readRaw()));
    }
  }

  @Test
  void aPlainReaderKeepsWaitingWhenItsKeyIsDeletedOrChangesType() throws Exception {
    try (RawClient admin = redline.connect(); RawClient r = redline.connect()) {
      admin.call("DEL", "keep");
      r.send("XREAD", "BLOCK", "0", "STREAMS", "keep", "$");
      awaitBlocked(admin, 1);
      admin.call("SET", "keep", "x");
      admin.call("DEL", "keep");
      awaitBlocked(admin, 1);
      admin.call("XADD", "keep", "1-1", "f", "v");
      assertEquals(oneStream("keep", "*1\r\n" + entry("1-1", "f", "v")), new String(r.readRaw()));
    }
  }

  @Test
  void timeoutsAnswerANullArrayOrRespThreeNull() throws Exception {
    try (RawClient c = redline.connect()) {
      c.call("DEL", "t");
      assertEquals("*-1\r\n", c.callText("XREAD", "BLOCK", "30", "STREAMS", "t", "$"));
      c.callText("XGROUP", "CREATE", "t", "g", "$", "MKSTREAM");
      assertEquals("*-1\r\n", c.callText("XREADGROUP", "GROUP", "g", "c", "BLOCK", "30", "STREAMS", "t", ">"));
      c.call("HELLO", "3");
      assertEquals("_\r\n", c.callText("XREAD", "BLOCK", "30", "STREAMS", "t", "$"));
      assertEquals("_\r\n", c.callText("XREADGROUP", "GROUP", "g", "c", "BLOCK", "30", "STREAMS", "t", ">"));
    }
  }

  @Test
  void respThreeReadersAreServedAMap() throws Exception {
    try (RawClient admin = redline.connect(); RawClient r = redline.connect()) {
      admin.call("DEL", "r3");
      r.call("HELLO", "3");
      r.send("XREAD", "BLOCK", "0", "STREAMS", "r3", "$");
      awaitBlocked(admin, 1);
      admin.call("XADD", "r3", "1-1", "f", "v");
      assertEquals("%1\r\n$2\r\nr3\r\n*1\r\n" + entry("1-1", "f", "v"), new String(r.readRaw()));
    }
  }

  @Test
  void aReaderThatLeavesIsForgotten() throws Exception {
    try (RawClient admin = redline.connect()) {
      admin.call("DEL", "leave");
      RawClient r = redline.connect();
      r.send("XREAD", "BLOCK", "0", "STREAMS", "leave", "$");
      awaitBlocked(admin, 1);
      r.close();
      awaitBlocked(admin, 0);
      assertEquals("$3\r\n1-1\r\n", admin.callText("XADD", "leave", "1-1", "f", "v"));
      assertTrue(admin.callText("XLEN", "leave").startsWith(":1"));
    }
  }
}
