package io.redline.command.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SORT ... STORE creating a list wakes a client blocked on the destination, as in Redis, even
 * though the destination is found by SORT's own key scan rather than a key spec; and BY/GET
 * patterns reach keys on every shard.
 */
class SortStoreWakeTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static void awaitBlocked(RawClient admin, int n) throws Exception {
    for (int i = 0; i < 500; i++) {
      if (admin.callText("INFO", "clients").contains("blocked_clients:" + n + "\r\n")) return;
      Thread.sleep(10);
    }
    throw new AssertionError("never saw " + n + " blocked clients");
  }

  @Test
  void storeWakesAWaiterOnTheDestination() throws Exception {
    try (RawClient admin = redline.connect(); RawClient waiter = redline.connect()) {
      admin.call("DEL", "src", "dst");
      admin.call("RPUSH", "src", "3", "1", "2");
      waiter.send("BLPOP", "dst", "5");
      awaitBlocked(admin, 1);
      assertEquals(":3\r\n", admin.callText("SORT", "src", "LIMIT", "0", "5", "STORE", "dst"));
      assertEquals("*2\r\n$3\r\ndst\r\n$1\r\n1\r\n", new String(waiter.readRaw()));
      assertEquals("*2\r\n$1\r\n2\r\n$1\r\n3\r\n", admin.callText("LRANGE", "dst", "0", "-1"));
    }
  }

  @Test
  void patternsReachKeysOnEveryShard() throws Exception {
    try (RawClient c = redline.connect()) {
      c.call("DEL", "ids");
      StringBuilder expected = new StringBuilder("*40\r\n");
      for (int i = 0; i < 40; i++) {
        c.call("RPUSH", "ids", Integer.toString(i));
        c.call("SET", "w_" + i, Integer.toString(-i)); // reversed order by weight
        c.call("HSET", "h_" + i, "name", "n" + i);
      }
      for (int i = 39; i >= 0; i--) {
        String v = "n" + i;
        expected.append('$').append(v.length()).append("\r\n").append(v).append("\r\n");
      }
      assertEquals(expected.toString(), c.callText("SORT", "ids", "BY", "w_*", "GET", "h_*->name"));
    }
  }
}
