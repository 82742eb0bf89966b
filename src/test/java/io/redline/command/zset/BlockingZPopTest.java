package io.redline.command.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BZPOPMIN / BZMPOP park until a ZADD (or a STORE) gives them a member. */
class BlockingZPopTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static void awaitBlocked(RawClient admin, int n) throws Exception {
    for (int i = 0; i < 500; i++) {
      if (admin.callText("INFO", "clients").contains("blocked_clients:" + n + "\r\n")) return;
      Thread.sleep(10);
    }
    throw new AssertionError("never saw " + n + " blocked clients");
  }

  @Test
  void zaddServesAParkedBzpopmin() throws Exception {
    try (RawClient admin = redline.connect(); RawClient waiter = redline.connect()) {
      admin.call("DEL", "board");
      waiter.send("BZPOPMIN", "board", "5");
      awaitBlocked(admin, 1);
      admin.call("ZADD", "board", "7", "x", "3", "y");
      assertEquals("*3\r\n$5\r\nboard\r\n$1\r\ny\r\n$1\r\n3\r\n", new String(waiter.readRaw()));
      assertEquals(":1\r\n", admin.callText("ZCARD", "board"));
    }
  }

  @Test
  void zunionstoreServesAParkedBzmpop() throws Exception {
    try (RawClient admin = redline.connect(); RawClient waiter = redline.connect()) {
      admin.call("DEL", "{t}dst", "{t}src");
      admin.call("ZADD", "{t}src", "1", "a", "2", "b");
      waiter.send("BZMPOP", "5", "1", "{t}dst", "MAX", "COUNT", "10");
      awaitBlocked(admin, 1);
      admin.call("ZUNIONSTORE", "{t}dst", "1", "{t}src");
      assertEquals("*2\r\n$6\r\n{t}dst\r\n*2\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n",
          new String(waiter.readRaw()));
    }
  }
}
