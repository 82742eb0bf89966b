package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.FreePort;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When Redline saves on its own: SHUTDOWN (with save points or SAVE; not with NOSAVE), SIGTERM
 * with save points configured, and save points reached while running. Shutdowns run in a JVM of
 * their own (Redline's exits the process).
 */
class ShutdownSaveTest {
  private static Process start(Path dir, int port, String save) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.redline.Main",
        "--port", String.valueOf(port), "--shards", "2", "--dir", dir.toString(), "--save", save));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redline.log").toFile())).start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      assertTrue(p.isAlive(), "Redline exited early");
      try (RawClient c = new RawClient("127.0.0.1", port, 1000)) {
        if (c.callText("PING").equals("+PONG\r\n")) return p;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("Redline did not start");
  }

  /** Sends SHUTDOWN with {@code args}, or SIGTERM when args is null; waits for the exit. */
  private static void stop(Process p, int port, String... args) throws Exception {
    if (args == null) {
      p.destroy(); // SIGTERM
    } else {
      try (RawClient c = RawClient.connect(port)) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "SHUTDOWN";
        System.arraycopy(args, 0, cmd, 1, args.length);
        c.send(cmd);
        assertTrue(c.closedByPeer(30_000), "SHUTDOWN answered instead of exiting");
      }
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Redline did not exit");
  }

  /** Starts, writes one key, stops as told; returns whether dump.rdb then holds that key. */
  private static boolean savedOn(String save, String... shutdownArgs) throws Exception {
    Path dir = Files.createTempDirectory("shutdown");
    try {
      int port = FreePort.find();
      Process p = start(dir, port, save);
      try (RawClient c = RawClient.connect(port)) {
        assertEquals("+OK\r\n", c.callText("SET", "survivor", "yes"));
      }
      stop(p, port, shutdownArgs);
      if (!Files.exists(dir.resolve("dump.rdb"))) return false;
      int port2 = FreePort.find();
      Process again = start(dir, port2, "");
      try (RawClient c = RawClient.connect(port2)) {
        assertEquals("$3\r\nyes\r\n", c.callText("GET", "survivor"));
      } finally {
        again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      return true;
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void shutdownSavesWhenSavePointsAreSet() throws Exception {
    assertTrue(savedOn("3600 1"));
  }

  @Test
  void shutdownNosaveDoesNot() throws Exception {
    assertFalse(savedOn("3600 1", "NOSAVE"));
  }

  @Test
  void shutdownSaveSavesWithoutSavePoints() throws Exception {
    assertTrue(savedOn("", "SAVE"));
    assertFalse(savedOn("")); // and plain SHUTDOWN then does not
  }

  @Test
  void sigtermSavesWhenSavePointsAreSet() throws Exception {
    assertTrue(savedOn("3600 1", (String[]) null));
    assertFalse(savedOn("", (String[]) null));
  }

  @Test
  void savePointTriggersABackgroundSave() throws Exception {
    Path dir = Files.createTempDirectory("savepoint");
    try (RedlineInstance r = new RedlineInstance("--dir", dir.toString()).start(); RawClient c = r.connect()) {
      long before = c.callParsed("LASTSAVE").integer();
      assertEquals("+OK\r\n", c.callText("CONFIG", "SET", "save", "1 2"));
      assertEquals("$3\r\n1 2\r\n", c.callText("CONFIG", "GET", "save").substring(c.callText("CONFIG", "GET", "save").indexOf("$3")));
      c.callText("SET", "a", "1");
      c.callText("SET", "b", "2");
      long deadline = System.currentTimeMillis() + 10_000;
      while (!Files.exists(dir.resolve("dump.rdb")) || c.callParsed("LASTSAVE").integer() == before) {
        assertTrue(System.currentTimeMillis() < deadline, "no save within 10 s of the save point");
        Thread.sleep(50);
      }
      RdbRoundTripTest.awaitBgsave(c);
      assertTrue(c.callParsed("INFO", "persistence").text().contains("rdb_changes_since_last_save:0\r\n"));
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }
}
