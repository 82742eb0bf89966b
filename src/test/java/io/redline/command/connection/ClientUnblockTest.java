package io.redline.command.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CLIENT UNBLOCK over TCP, with the replies redis-server 7.0 gives: the parked client answers at
 * once (its timeout reply, or the UNBLOCKED error), its registration is gone (a later push stays
 * in the list), and a client that is not blocked, or no client, answers 0.
 */
class ClientUnblockTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

  private static String idOf(RawClient c) throws Exception {
    String reply = c.callText("CLIENT", "ID");
    return reply.substring(1, reply.length() - 2);
  }

  /** Waits (by polling CLIENT LIST's flag) until the client is parked in its command. */
  private static void awaitBlocked(RawClient admin, String id) throws Exception {
    for (int i = 0; i < 500; i++) {
      for (String line : admin.callText("CLIENT", "LIST").split("\n")) {
        if (line.contains("id=" + id + " ") && line.contains("flags=b")) return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("client " + id + " never blocked");
  }

  @Test
  void timeoutAndErrorReplies() throws Exception {
    try (RawClient blocked = redline.connect(); RawClient admin = redline.connect()) {
      String id = idOf(blocked);
      blocked.send("BLPOP", "unblock:list", "0");
      awaitBlocked(admin, id);
      assertArrayEquals(bytes(":1\r\n"), admin.call("CLIENT", "UNBLOCK", id));
      assertArrayEquals(bytes("*-1\r\n"), blocked.readRaw());
      assertArrayEquals(bytes(":0\r\n"), admin.call("CLIENT", "UNBLOCK", id), "no longer blocked");
      assertArrayEquals(bytes(":1\r\n"), admin.call("LPUSH", "unblock:list", "x"));
      assertArrayEquals(bytes(":1\r\n"), admin.call("LLEN", "unblock:list"), "the unblocked client took nothing");

      blocked.send("XREAD", "BLOCK", "0", "STREAMS", "unblock:stream", "$");
      awaitBlocked(admin, id);
      assertArrayEquals(bytes(":1\r\n"), admin.call("CLIENT", "UNBLOCK", id, "error"));
      assertArrayEquals(bytes("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n"), blocked.readRaw());
      assertArrayEquals(bytes("+PONG\r\n"), blocked.call("PING"), "the connection goes on");

      blocked.send("WAIT", "1", "0"); // no replica will ever acknowledge: parked until unblocked
      awaitBlocked(admin, id);
      assertArrayEquals(bytes(":1\r\n"), admin.call("CLIENT", "UNBLOCK", id));
      assertArrayEquals(bytes(":0\r\n"), blocked.readRaw());
    }
  }

  @Test
  void argumentsAndClientsThatAreNotBlocked() throws Exception {
    try (RawClient c = redline.connect(); RawClient other = redline.connect()) {
      assertArrayEquals(bytes(":0\r\n"), c.call("CLIENT", "UNBLOCK", idOf(other)));
      assertArrayEquals(bytes(":0\r\n"), c.call("CLIENT", "UNBLOCK", "99999", "ERROR"));
      assertArrayEquals(bytes(":0\r\n"), c.call("CLIENT", "UNBLOCK", "-1"));
      assertEquals("-ERR value is not an integer or out of range\r\n", c.callText("CLIENT", "UNBLOCK", "abc"));
      assertEquals("-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n", c.callText("CLIENT", "UNBLOCK", "5", "foo"));
      assertEquals("-ERR unknown subcommand or wrong number of arguments for 'UNBLOCK'. Try CLIENT HELP.\r\n",
          c.callText("CLIENT", "UNBLOCK", "5", "timeout", "extra"));
    }
  }
}
