package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.FreePort;
import io.redline.testing.RawClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during BGSAVE leaves the previous dump.rdb intact and loadable: a Redline process
 * (its own JVM) saves, takes more writes, starts a deliberately slow BGSAVE, and is killed with
 * SIGKILL in the middle of it. The short form of scripts/crash-bgsave.sh, run by the build.
 */
class CrashDuringBgsaveTest {
  @Test
  void previousFileSurvivesAKillDuringBgsave() throws Exception {
    Path dir = Files.createTempDirectory("crash");
    Process p = null;
    try {
      int port = FreePort.find();
      p = startChild(dir, port);
      try (RawClient c = RawClient.connect(port)) {
        write(c, 0, 3000);
        assertEquals("+OK\r\n", c.callText("SAVE"));
        byte[] before = sha256(dir.resolve("dump.rdb"));
        write(c, 3000, 6000);
        assertEquals("+OK\r\n", c.callText("CONFIG", "SET", "rdb-key-save-delay", "1000"));
        assertEquals("+Background saving started\r\n", c.callText("BGSAVE"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
          String info = c.callParsed("INFO", "persistence").text();
          long done = field(info, "current_save_keys_processed");
          if (info.contains("rdb_bgsave_in_progress:1") && done > 50) break;
          assertTrue(System.currentTimeMillis() < deadline, "the BGSAVE never got going: " + info);
          Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertArrayEquals(before, sha256(dir.resolve("dump.rdb")), "dump.rdb changed under a killed BGSAVE");
        try (var files = Files.list(dir)) {
          assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("temp-")), "the kill came before the save wrote anything");
        }
      }
      String[] check = RedisProcess.checkRdb(dir.resolve("dump.rdb"));
      if (check != null) assertEquals("0", check[0], check[1]);
      int port2 = FreePort.find();
      p = startChild(dir, port2);
      try (RawClient c = RawClient.connect(port2)) {
        assertEquals(":3000\r\n", c.callText("DBSIZE"));
        assertEquals("$6\r\nv-2999\r\n", c.callText("GET", "key:2999"));
        assertEquals("$-1\r\n", c.callText("GET", "key:3000"));
      }
    } finally {
      if (p != null) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      RedisProcess.deleteTree(dir);
    }
  }

  /** Redline in a JVM of its own, from this test's class path. */
  static Process startChild(Path dir, int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.redline.Main",
        "--port", String.valueOf(port), "--shards", "2", "--dir", dir.toString(), "--save", ""));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redline-" + port + ".log").toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      assertTrue(p.isAlive(), "Redline exited: " + Files.readString(dir.resolve("redline-" + port + ".log")));
      try (RawClient c = new RawClient("127.0.0.1", port, 1000)) {
        if (c.callText("PING").equals("+PONG\r\n")) return p;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("Redline did not start: " + Files.readString(dir.resolve("redline-" + port + ".log")));
  }

  private static void write(RawClient c, int from, int to) throws IOException {
    for (int i = from; i < to; i++) c.send("SET", "key:" + i, "v-" + i);
    for (int i = from; i < to; i++) assertEquals("+OK", "+" + c.readReply().text());
  }

  private static long field(String info, String name) {
    for (String line : info.split("\r\n")) if (line.startsWith(name + ":")) return Long.parseLong(line.substring(name.length() + 1));
    return -1;
  }

  static byte[] sha256(Path f) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }
}
