package io.redline.command.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connection state over TCP against a 4-shard Redline: HELLO 3 and RESP3 replies, RESET, QUIT,
 * CLIENT KILL, CLIENT PAUSE, CLIENT REPLY and the Redis 7.2 additions (SETINFO, NO-TOUCH) — the
 * parts the differential files cannot cover because they close connections, send no reply, or
 * depend on timing.
 */
class ConnectionTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  @AfterEach
  void unpause() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      c.call("CLIENT", "UNPAUSE");
    }
  }

  @Test
  void hello3SwitchesToResp3() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      long id = c.callParsed("CLIENT", "ID").integer();
      String hello = c.callText("HELLO", "3", "SETNAME", "r3");
      assertEquals("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n"
          + "$2\r\nid\r\n:" + id + "\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
          + "$7\r\nmodules\r\n*0\r\n", hello);
      assertEquals("_\r\n", c.callText("GET", "missing-key"));
      assertEquals("$2\r\nr3\r\n", c.callText("CLIENT", "GETNAME"));
      assertEquals("%1\r\n$7\r\ntimeout\r\n$1\r\n0\r\n", c.callText("CONFIG", "GET", "timeout"));
      assertTrue(c.callText("CLIENT", "INFO").startsWith("="), "CLIENT INFO is verbatim text in RESP3");
      assertTrue(c.callText("INFO", "server").startsWith("="), "INFO is verbatim text in RESP3");
      assertTrue(c.callText("COMMAND", "INFO", "get").contains("~2\r\n+readonly\r\n+fast\r\n"));
      assertEquals("-NOPROTO unsupported protocol version\r\n", c.callText("HELLO", "4"));
      assertTrue(c.callText("HELLO", "2").startsWith("*14\r\n"));
      assertEquals("$-1\r\n", c.callText("GET", "missing-key"));
    }
  }

  @Test
  void resetRestoresAFreshConnection() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      c.call("HELLO", "3");
      c.call("SELECT", "4");
      c.call("SET", "reset-k", "v");
      c.call("CLIENT", "SETNAME", "before");
      c.call("CLIENT", "NO-TOUCH", "on");
      assertEquals("+RESET\r\n", c.callText("RESET"));
      assertEquals("$-1\r\n", c.callText("CLIENT", "GETNAME"), "RESP2 again, and no name");
      assertEquals("$-1\r\n", c.callText("GET", "reset-k"), "back in db 0");
      String info = c.callText("CLIENT", "INFO");
      assertTrue(info.contains(" db=0 "), info);
      assertTrue(info.contains(" resp=2 "), info);
      assertTrue(info.contains(" flags=N "), "NO-TOUCH is cleared: " + info);
      c.call("SELECT", "4");
      assertEquals(":1\r\n", c.callText("DEL", "reset-k"));
    }
  }

  @Test
  void resetUnderClientReplyOffStillAnswers() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      c.send("CLIENT", "REPLY", "OFF");
      c.send("PING");
      assertEquals("+RESET\r\n", c.callText("RESET"));
      assertEquals("+PONG\r\n", c.callText("PING"));
    }
  }

  @Test
  void resetLogsOutWhenAPasswordIsRequired() throws IOException {
    try (RedlineInstance secured = new RedlineInstance("--requirepass", "s3cret").start();
         RawClient c = secured.connect()) {
      assertEquals("-NOAUTH Authentication required.\r\n", c.callText("PING"));
      assertTrue(c.callText("HELLO", "3").startsWith("-NOAUTH HELLO must be called"));
      assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.callText("AUTH", "nope"));
      assertTrue(c.callText("HELLO", "3", "AUTH", "default", "s3cret").startsWith("%7\r\n"));
      assertEquals("+PONG\r\n", c.callText("PING"));
      assertEquals("+RESET\r\n", c.callText("RESET"));
      assertEquals("-NOAUTH Authentication required.\r\n", c.callText("PING"));
      assertEquals("+OK\r\n", c.callText("AUTH", "s3cret"));
      assertEquals("+PONG\r\n", c.callText("PING"));
    }
  }

  @Test
  void quitAnswersEveryEarlierCommandThenCloses() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      // A pipeline whose keys live on several shards: QUIT's OK must come after all their replies.
      StringBuilder pipeline = new StringBuilder();
      for (int i = 0; i < 50; i++) pipeline.append(new String(RawClient.encode("SET", "quit-" + i, "v"), StandardCharsets.ISO_8859_1));
      pipeline.append(new String(RawClient.encode("QUIT"), StandardCharsets.ISO_8859_1));
      pipeline.append(new String(RawClient.encode("SET", "after-quit", "v"), StandardCharsets.ISO_8859_1));
      c.sendRaw(pipeline.toString());
      for (int i = 0; i < 50; i++) assertEquals("+OK\r\n", new String(c.readRaw(), StandardCharsets.ISO_8859_1));
      assertEquals("+OK\r\n", new String(c.readRaw(), StandardCharsets.ISO_8859_1));
      assertTrue(c.closedByPeer(2000));
    }
    try (RawClient c = REDLINE.connect()) {
      assertEquals("$-1\r\n", c.callText("GET", "after-quit"), "nothing after QUIT runs");
    }
  }

  @Test
  void clientKillByIdAddrAndSkipMe() throws IOException {
    try (RawClient killer = REDLINE.connect(); RawClient a = REDLINE.connect(); RawClient b = REDLINE.connect()) {
      long aId = a.callParsed("CLIENT", "ID").integer();
      assertEquals(":1\r\n", killer.callText("CLIENT", "KILL", "ID", Long.toString(aId)));
      assertTrue(a.closedByPeer(2000));
      assertEquals(":0\r\n", killer.callText("CLIENT", "KILL", "ID", Long.toString(aId)));

      String bAddr = field(b.callParsed("CLIENT", "INFO").text(), "addr");
      assertEquals("+OK\r\n", killer.callText("CLIENT", "KILL", bAddr));
      assertTrue(b.closedByPeer(2000));
      assertEquals("-ERR No such client\r\n", killer.callText("CLIENT", "KILL", bAddr));

      long me = killer.callParsed("CLIENT", "ID").integer();
      assertEquals(":0\r\n", killer.callText("CLIENT", "KILL", "ID", Long.toString(me)), "SKIPME defaults to yes");
      assertEquals(":1\r\n", killer.callText("CLIENT", "KILL", "ID", Long.toString(me), "SKIPME", "no"));
      assertTrue(killer.closedByPeer(2000), "a client that kills itself gets its reply, then is closed");
    }
  }

  @Test
  void clientKillByLocalAddressAndType() throws IOException {
    try (RawClient killer = REDLINE.connect(); RawClient a = REDLINE.connect()) {
      String laddr = field(a.callParsed("CLIENT", "INFO").text(), "laddr");
      long killed = killer.callParsed("CLIENT", "KILL", "LADDR", laddr, "TYPE", "normal").integer();
      assertTrue(killed >= 1, "every connection to that address but the caller's: " + killed);
      assertEquals(1, killer.callParsed("CLIENT", "LIST").text().lines().count(), "only the caller is left");
      assertTrue(a.closedByPeer(2000));
      assertEquals("+PONG\r\n", killer.callText("PING"));
    }
  }

  @Test
  void clientListShowsNamesAndIds() throws IOException {
    try (RawClient a = REDLINE.connect(); RawClient b = REDLINE.connect()) {
      a.call("CLIENT", "SETNAME", "alpha");
      a.call("CLIENT", "SETINFO", "LIB-NAME", "redline-test");
      a.call("CLIENT", "SETINFO", "lib-ver", "1.2.3");
      long aId = a.callParsed("CLIENT", "ID").integer();
      String line = b.callParsed("CLIENT", "LIST", "ID", Long.toString(aId)).text();
      assertEquals(1, line.lines().count(), line);
      assertTrue(line.startsWith("id=" + aId + " addr="), line);
      assertEquals("alpha", field(line, "name"));
      assertEquals("redline-test", field(line, "lib-name"));
      assertEquals("1.2.3", field(line, "lib-ver"));
      assertEquals("client|id", field(line, "cmd"), "the last command it ran");
      assertTrue(line.endsWith(" lib-ver=1.2.3\n"), line);
      assertEquals("-ERR Unrecognized option 'lib-foo'\r\n", a.callText("CLIENT", "SETINFO", "lib-foo", "x"));
      assertEquals("-ERR LIB-NAME cannot contain spaces, newlines or special characters.\r\n",
          a.callText("CLIENT", "SETINFO", "LIB-NAME", "a b"));
    }
  }

  @Test
  void clientReplyOffAndSkip() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      c.send("CLIENT", "REPLY", "SKIP");
      c.send("NO-SUCH-COMMAND"); // an error is silenced too
      assertEquals("+OK\r\n", c.callText("SET", "skip-k", "1"), "SKIP silences exactly the next command");
      c.send("CLIENT", "REPLY", "SKIP");
      c.send("SET", "skip-k", "1");
      assertEquals("$1\r\n1\r\n", c.callText("GET", "skip-k"));
      c.send("CLIENT", "REPLY", "OFF");
      c.send("SET", "skip-k", "2");
      c.send("GET", "skip-k");
      c.send("NO-SUCH-COMMAND");
      for (int i = 0; i < 20; i++) c.send("GET", "other-" + i); // several shards: remote replies dropped too
      assertEquals("+OK\r\n", c.callText("CLIENT", "REPLY", "ON"));
      assertEquals("$1\r\n2\r\n", c.callText("GET", "skip-k"));
      assertEquals(0, c.drain(200).length);
      c.call("DEL", "skip-k");
    }
  }

  @Test
  void clientPauseWriteHoldsWritesButNotReads() throws Exception {
    try (RawClient admin = REDLINE.connect(); RawClient c = REDLINE.connect()) {
      c.call("SET", "pause-k", "before");
      long cId = idOf(c);
      assertEquals("+OK\r\n", admin.callText("CLIENT", "PAUSE", "10000", "WRITE"));
      assertEquals("$6\r\nbefore\r\n", c.callText("GET", "pause-k"));
      c.send("SET", "pause-k", "during");
      c.send("GET", "pause-k"); // a read queued behind the held write waits with it
      assertEquals(0, c.drain(300).length, "the write and everything after it wait");
      String list = admin.callParsed("CLIENT", "LIST", "ID", Long.toString(cId)).text();
      assertTrue(field(list, "flags").contains("b"), "a held client shows as blocked: " + list);
      long start = System.nanoTime();
      assertEquals("+OK\r\n", admin.callText("CLIENT", "UNPAUSE"));
      assertEquals("+OK\r\n", new String(c.readRaw(), StandardCharsets.ISO_8859_1));
      assertEquals("$6\r\nduring\r\n", new String(c.readRaw(), StandardCharsets.ISO_8859_1));
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000, "UNPAUSE wakes held clients at once");
      c.call("DEL", "pause-k");
    }
  }

  @Test
  void clientPauseAllEndsAtItsTimeout() throws Exception {
    try (RawClient admin = REDLINE.connect(); RawClient c = REDLINE.connect()) {
      assertEquals("+OK\r\n", admin.callText("CLIENT", "PAUSE", "400"));
      long start = System.nanoTime();
      CompletableFuture<String> ping = CompletableFuture.supplyAsync(() -> {
        try {
          return c.callText("PING");
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      assertEquals("+PONG\r\n", ping.get(5, TimeUnit.SECONDS));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited >= 300, "PING waited for the pause to end: " + waited + " ms");
      assertEquals("+PONG\r\n", admin.callText("PING"));
    }
  }

  @Test
  void pauseDoesNotBlockOtherConnectionsLoops() throws Exception {
    try (RawClient admin = REDLINE.connect(); RawClient writer = REDLINE.connect(); RawClient reader = REDLINE.connect()) {
      admin.call("CLIENT", "PAUSE", "5000", "WRITE");
      writer.send("SET", "loop-k", "1");
      for (int i = 0; i < 50; i++) assertEquals("$-1\r\n", reader.callText("GET", "loop-free-" + i));
      admin.call("CLIENT", "UNPAUSE");
      assertEquals("+OK\r\n", new String(writer.readRaw(), StandardCharsets.ISO_8859_1));
      writer.call("DEL", "loop-k");
    }
  }

  @Test
  void noEvictAndNoTouchShowInFlags() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      assertEquals("+OK\r\n", c.callText("CLIENT", "NO-EVICT", "on"));
      assertEquals("+OK\r\n", c.callText("CLIENT", "NO-TOUCH", "ON"));
      assertEquals("eT", field(c.callParsed("CLIENT", "INFO").text(), "flags"));
      assertEquals("-ERR syntax error\r\n", c.callText("CLIENT", "NO-TOUCH", "maybe"));
      c.call("CLIENT", "NO-EVICT", "off");
      c.call("CLIENT", "NO-TOUCH", "off");
      assertEquals("N", field(c.callParsed("CLIENT", "INFO").text(), "flags"));
    }
  }

  @Test
  void infoCountsErrorsAndCommands() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      assertEquals("+OK\r\n", c.callText("CONFIG", "RESETSTAT"));
      c.call("NO-SUCH-COMMAND");
      c.call("HELLO", "9");
      c.call("CLIENT", "SETNAME", "a b");
      c.call("GET");
      String stats = c.callParsed("INFO", "commandstats", "errorstats").text();
      assertTrue(stats.contains("errorstat_ERR:count=3\r\n"), stats);
      assertTrue(stats.contains("errorstat_NOPROTO:count=1\r\n"), stats);
      assertTrue(stats.contains("cmdstat_hello:calls=1,"), stats);
      assertTrue(stats.contains("cmdstat_client|setname:calls=1,") && stats.contains(",rejected_calls=0,failed_calls=1\r\n"), stats);
      assertTrue(stats.contains("cmdstat_get:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0\r\n"), stats);
    }
  }

  private static long idOf(RawClient c) throws IOException {
    return c.callParsed("CLIENT", "ID").integer();
  }

  /** A key=value field of a CLIENT LIST/INFO line. */
  private static String field(String line, String key) {
    for (String kv : line.trim().split(" ")) {
      if (kv.startsWith(key + "=")) return kv.substring(key.length() + 1);
    }
    throw new AssertionError("no " + key + " in " + line);
  }
}
