package io.redline.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parked clients over TCP: served first come first served, exactly once across shards, after the
 * pushing command and before the pusher's next one; a client that leaves stops waiting.
 */
class BlockingPopTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  /** Waits until the server reports {@code n} parked clients, so test steps happen in order. */
  private static void awaitBlocked(RawClient admin, int n) throws Exception {
    for (int i = 0; i < 500; i++) {
      String info = admin.callText("INFO", "clients");
      if (info.contains("blocked_clients:" + n + "\r\n")) return;
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

  /** As Redis: a list that MOVE or COPY ... DB brings into a database serves a client parked there. */
  @Test
  void moveAndCopyIntoAnotherDatabaseServeItsWaiters() throws Exception {
    try (RawClient admin = redline.connect(); RawClient moved = redline.connect(); RawClient copied = redline.connect()) {
      admin.call("SELECT", "0");
      admin.call("DEL", "mv", "cp");
      moved.call("SELECT", "1");
      moved.call("DEL", "mv");
      moved.send("BLPOP", "mv", "5");
      copied.call("SELECT", "2");
      copied.call("DEL", "cp");
      copied.send("BLPOP", "cp", "5");
      awaitBlocked(admin, 2);
      admin.call("RPUSH", "mv", "a");
      assertEquals(":1\r\n", admin.callText("MOVE", "mv", "1"));
      assertEquals("*2\r\n$2\r\nmv\r\n$1\r\na\r\n", new String(moved.readRaw()));
      admin.call("RPUSH", "cp", "b");
      assertEquals(":1\r\n", admin.callText("COPY", "cp", "cp", "DB", "2"));
      assertEquals("*2\r\n$2\r\ncp\r\n$1\r\nb\r\n", new String(copied.readRaw()));
      assertEquals(":1\r\n", admin.callText("LLEN", "cp"), "the source list is untouched");
    }
  }

  /** MOVE into a database touches a WATCH there, as Redis's signalModifiedKey on both databases. */
  @Test
  void moveTouchesAWatchInTheTargetDatabase() throws Exception {
    try (RawClient admin = redline.connect(); RawClient watcher = redline.connect()) {
      admin.call("DEL", "wmv");
      watcher.call("SELECT", "3");
      watcher.call("DEL", "wmv");
      watcher.call("WATCH", "wmv");
      admin.call("SET", "wmv", "x");
      assertEquals(":1\r\n", admin.callText("MOVE", "wmv", "3"));
      watcher.call("MULTI");
      watcher.call("GET", "wmv");
      assertEquals("*-1\r\n", watcher.callText("EXEC"));
    }
  }

  @Test
  void waitersAreServedInArrivalOrder() throws Exception {
    try (RawClient admin = redline.connect()) {
      admin.call("DEL", "fifo");
      List<RawClient> waiters = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RawClient c = redline.connect();
        c.send("BLPOP", "fifo", "5");
        awaitBlocked(admin, i + 1);
        waiters.add(c);
      }
      assertEquals(":3\r\n", admin.callText("RPUSH", "fifo", "a", "b", "c"));
      String[] expected = {"a", "b", "c"};
      for (int i = 0; i < 3; i++) {
        assertEquals("*2\r\n$4\r\nfifo\r\n$1\r\n" + expected[i] + "\r\n", new String(waiters.get(i).readRaw()));
        waiters.get(i).close();
      }
    }
  }

  @Test
  void aWaiterOnKeysOfSeveralShardsIsServedOnce() throws Exception {
    String k1 = "multi-a";
    String k2 = keyOnAnotherShard("multi-b", k1);
    assertNotEquals(redline.shardOf(k1), redline.shardOf(k2), "keys must be on different shards");
    try (RawClient admin = redline.connect(); RawClient waiter = redline.connect();
         RawClient p1 = redline.connect(); RawClient p2 = redline.connect()) {
      admin.call("DEL", k1, k2);
      waiter.send("BLPOP", k1, k2, "5");
      awaitBlocked(admin, 1);
      p1.send("LPUSH", k1, "one");
      p2.send("LPUSH", k2, "two");
      p1.readRaw();
      p2.readRaw();
      String got = new String(waiter.readRaw());
      assertTrue(got.contains("one") || got.contains("two"), got);
      long left = Long.parseLong(admin.callText("LLEN", k1).trim().substring(1))
          + Long.parseLong(admin.callText("LLEN", k2).trim().substring(1));
      assertEquals(1, left, "exactly one element was taken");
    }
  }

  @Test
  void theParkedClientGetsThePushBeforeThePushersNextCommand() throws Exception {
    try (RawClient admin = redline.connect(); RawClient waiter = redline.connect(); RawClient pusher = redline.connect()) {
      admin.call("DEL", "race");
      waiter.send("BRPOP", "race", "5");
      awaitBlocked(admin, 1);
      pusher.sendRaw("*3\r\n$5\r\nLPUSH\r\n$4\r\nrace\r\n$1\r\nv\r\n*2\r\n$4\r\nLLEN\r\n$4\r\nrace\r\n");
      assertEquals(":1\r\n", new String(pusher.readRaw()));
      assertEquals(":0\r\n", new String(pusher.readRaw()));
      assertEquals("*2\r\n$4\r\nrace\r\n$1\r\nv\r\n", new String(waiter.readRaw()));
    }
  }

  @Test
  void blmoveAcrossShardsAndTimeouts() throws Exception {
    String src = "move-src";
    String dst = keyOnAnotherShard("move-dst", src);
    assertNotEquals(redline.shardOf(src), redline.shardOf(dst));
    try (RawClient admin = redline.connect(); RawClient waiter = redline.connect()) {
      admin.call("DEL", src, dst);
      waiter.send("BLMOVE", src, dst, "LEFT", "RIGHT", "5");
      awaitBlocked(admin, 1);
      admin.call("RPUSH", src, "m");
      assertEquals("$1\r\nm\r\n", new String(waiter.readRaw()));
      assertEquals("*1\r\n$1\r\nm\r\n", admin.callText("LRANGE", dst, "0", "-1"));
      assertEquals("*-1\r\n", waiter.callText("BLPOP", "never", "0.05"));
      assertEquals("*-1\r\n", waiter.callText("BRPOPLPUSH", "never", dst, "0.05")); // Redis 7.0: a null array
    }
  }

  @Test
  void nothingAfterAParkedCommandRunsUntilItIsAnswered() throws Exception {
    try (RawClient c = redline.connect()) {
      c.call("DEL", "self");
      // In Redis the LPUSH waits behind the BLPOP, so the BLPOP times out rather than serving itself.
      c.sendRaw("*3\r\n$5\r\nBLPOP\r\n$4\r\nself\r\n$3\r\n0.2\r\n*3\r\n$5\r\nLPUSH\r\n$4\r\nself\r\n$1\r\nx\r\n");
      assertEquals("*-1\r\n", new String(c.readRaw()));
      assertEquals(":1\r\n", new String(c.readRaw()));
    }
  }

  @Test
  void aClientThatLeavesStopsWaiting() throws Exception {
    try (RawClient admin = redline.connect()) {
      admin.call("DEL", "gone");
      RawClient waiter = redline.connect();
      waiter.send("BLPOP", "gone", "0");
      awaitBlocked(admin, 1);
      waiter.close();
      awaitBlocked(admin, 0);
      admin.call("RPUSH", "gone", "kept");
      assertEquals(":1\r\n", admin.callText("LLEN", "gone"));
    }
  }
}
