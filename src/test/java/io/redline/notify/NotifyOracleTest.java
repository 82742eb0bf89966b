package io.redline.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyspace events the line-by-line case files cannot provoke, compared with redis-server's
 * message for message: clients parked by blocking pops and served by a later push (the pop's
 * events follow the push's), and keys reclaimed by the active expiry cycle with nobody reading
 * them. A subscriber listens on both channels; each scenario ends with a PUBLISH to a marker
 * channel, so "everything up to the marker" is the exact list to compare, with no waiting.
 */
class NotifyOracleTest {
  private static final String MARKER = "notify-test:end";
  private static RedisOracle redis;
  private static RedlineInstance redline;

  @BeforeAll
  static void start() {
    RedisOracle.assumeAvailable();
    redis = new RedisOracle().start();
    redline = new RedlineInstance().start();
  }

  @AfterAll
  static void stop() {
    if (redis != null) redis.close();
    if (redline != null) redline.close();
  }

  /** What a scenario does on one server, with a main client and a client that blocks. */
  private interface Scenario {
    void run(RawClient main, RawClient blocker) throws Exception;
  }

  @Test
  void blpopServedByAPush() throws Exception {
    same((main, blocker) -> {
      blocker.send("BLPOP", "{n}none", "{n}l", "0");
      awaitBlocked(main, 1);
      main.call("RPUSH", "{n}l", "a");
      blocker.readRaw();
    });
  }

  @Test
  void brpopLeavingElementsBehind() throws Exception {
    same((main, blocker) -> {
      blocker.send("BRPOP", "{n}l", "0");
      awaitBlocked(main, 1);
      main.call("LPUSH", "{n}l", "a", "b", "c");
      blocker.readRaw();
      main.call("DEL", "{n}l");
    });
  }

  @Test
  void blmoveServedOntoANewList() throws Exception {
    same((main, blocker) -> {
      blocker.send("BLMOVE", "{n}src", "{n}dst", "RIGHT", "LEFT", "0");
      awaitBlocked(main, 1);
      main.call("LPUSH", "{n}src", "x");
      blocker.readRaw();
      main.call("DEL", "{n}dst");
    });
  }

  @Test
  void blmoveAcrossShards() throws Exception {
    same((main, blocker) -> {
      blocker.send("BRPOPLPUSH", "n:src", "n:dst", "0");
      awaitBlocked(main, 1);
      main.call("RPUSH", "n:src", "x", "y");
      blocker.readRaw();
      main.call("DEL", "n:src", "n:dst");
    });
  }

  @Test
  void blmpopAndBzmpopServed() throws Exception {
    same((main, blocker) -> {
      blocker.send("BLMPOP", "0", "2", "{n}x", "{n}y", "LEFT", "COUNT", "5");
      awaitBlocked(main, 1);
      main.call("RPUSH", "{n}y", "a", "b");
      blocker.readRaw();
      blocker.send("BZMPOP", "0", "1", "{n}z", "MAX", "COUNT", "1");
      awaitBlocked(main, 1);
      main.call("ZADD", "{n}z", "1", "a", "2", "b");
      blocker.readRaw();
      main.call("DEL", "{n}z");
    });
  }

  @Test
  void bzpopminServedByZaddInATransaction() throws Exception {
    same((main, blocker) -> {
      blocker.send("BZPOPMIN", "{n}z", "0");
      awaitBlocked(main, 1);
      main.call("MULTI");
      main.call("ZADD", "{n}z", "1", "a");
      main.call("SET", "{n}s", "v");
      main.call("EXEC");
      blocker.readRaw();
      main.call("DEL", "{n}s");
    });
  }

  @Test
  void activeExpiryOfAKeyNobodyReads() throws Exception {
    same((main, blocker) -> {
      main.call("SET", "n:ttl", "v", "PX", "30");
      // No lookup touches it: only the active expiry cycle can reclaim it (DBSIZE expires nothing).
      for (int i = 0; i < 1000 && !Arrays.equals(main.call("DBSIZE"), ":0\r\n".getBytes(StandardCharsets.US_ASCII)); i++) {
        Thread.sleep(5);
      }
    });
  }

  // ---- plumbing ----------------------------------------------------------------------------

  /** Runs the scenario on both servers and compares what each one's subscriber received. */
  private static void same(Scenario s) throws Exception {
    List<String> expected = run(redis.port(), s);
    assertFalse(expected.isEmpty(), "the scenario provoked no event on redis-server: it tests nothing");
    List<String> actual = run(redline.port(), s);
    assertEquals(expected, actual);
  }

  private static List<String> run(int port, Scenario s) throws Exception {
    try (RawClient main = RawClient.connect(port); RawClient blocker = RawClient.connect(port);
         RawClient sub = RawClient.connect(port)) {
      main.call("FLUSHALL");
      main.call("CONFIG", "SET", "notify-keyspace-events", "KEAn");
      sub.send("PSUBSCRIBE", "__keyspace@*__:*", "__keyevent@*__:*");
      sub.readRaw();
      sub.readRaw();
      sub.send("SUBSCRIBE", MARKER);
      sub.readRaw();
      try {
        s.run(main, blocker);
        main.call("PUBLISH", MARKER, "end");
        List<String> got = new ArrayList<>();
        while (true) {
          byte[] m = sub.readRaw();
          String text = Escape.reply(m);
          if (text.contains(MARKER)) break;
          got.add(text);
        }
        return got;
      } finally {
        main.call("CONFIG", "SET", "notify-keyspace-events", "");
      }
    }
  }

  /** Waits until {@code n} clients are parked (a blocking command sent just before may not have arrived yet). */
  private static void awaitBlocked(RawClient main, int n) throws IOException, InterruptedException {
    String want = "blocked_clients:" + n + "\r\n";
    for (int i = 0; i < 500; i++) {
      String info = new String(main.call("INFO", "clients"), StandardCharsets.ISO_8859_1);
      if (info.contains(want)) return;
      Thread.sleep(2);
    }
    throw new AssertionError("no client parked within a second");
  }
}
