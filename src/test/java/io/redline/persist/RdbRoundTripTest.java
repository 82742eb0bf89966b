package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every type and encoding through Redline's own RDB files and DUMP payloads: DEBUG RELOAD, SAVE
 * then a restart, BGSAVE then a restart, and DUMP/RESTORE of every key, each compared key by key
 * (type, OBJECT ENCODING, absolute expiry, contents).
 */
class RdbRoundTripTest {
  private static RedlineInstance start(Path dir, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "--dir";
    args[1] = dir.toString();
    args[2] = "--enable-debug-command";
    args[3] = "yes";
    System.arraycopy(more, 0, args, 4, more.length);
    return new RedlineInstance(args).start();
  }

  @Test
  void debugReloadKeepsEverything() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
      Dataset.populate(c);
      TreeMap<String, String> before = Dataset.describe(c, Dataset.DATABASES);
      assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD"));
      Dataset.assertSame(before, Dataset.describe(c, Dataset.DATABASES));
      assertTrue(Files.exists(dir.resolve("dump.rdb")));
      // NOSAVE loads the file as it is; MERGE over the live data replaces duplicates.
      assertEquals("+OK\r\n", c.callText("SET", "s:str", "changed"));
      assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD", "NOSAVE"));
      assertEquals("$5\r\nhello\r\n", c.callText("GET", "s:str"));
      assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD", "NOSAVE", "NOFLUSH", "MERGE"));
      Dataset.assertSame(before, Dataset.describe(c, Dataset.DATABASES));
      assertTrue(c.callText("DEBUG", "RELOAD", "NOSAVE", "NOFLUSH").startsWith("-ERR Error trying to load"),
          "duplicates without MERGE are refused");
      assertEquals("-ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.\r\n", c.callText("DEBUG", "RELOAD", "X"));
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void saveThenRestartLoadsTheFile() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try {
      TreeMap<String, String> before;
      try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
        Dataset.populate(c);
        before = Dataset.describe(c, Dataset.DATABASES);
        long last = c.callParsed("LASTSAVE").integer();
        assertEquals("+OK\r\n", c.callText("SAVE"));
        assertTrue(c.callParsed("LASTSAVE").integer() >= last);
        String info = c.callParsed("INFO", "persistence").text();
        assertTrue(info.contains("rdb_changes_since_last_save:0\r\n"), info);
        assertTrue(info.contains("rdb_saves:1\r\n"), info);
      }
      try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
        Dataset.assertSame(before, Dataset.describe(c, Dataset.DATABASES));
        String info = c.callParsed("INFO", "persistence").text();
        assertTrue(info.contains("rdb_last_load_keys_loaded:" + before.size() + "\r\n"), info);
      }
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void bgsaveThenRestartLoadsTheFile() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try {
      TreeMap<String, String> before;
      try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
        Dataset.populate(c);
        before = Dataset.describe(c, Dataset.DATABASES);
        assertEquals("+Background saving started\r\n", c.callText("BGSAVE"));
        awaitBgsave(c);
        String info = c.callParsed("INFO", "persistence").text();
        assertTrue(info.contains("rdb_last_bgsave_status:ok\r\n"), info);
        assertTrue(info.contains("rdb_changes_since_last_save:0\r\n"), info);
        assertEquals("-ERR syntax error\r\n", c.callText("BGSAVE", "NOW"));
        assertEquals("+Background saving started\r\n", c.callText("BGSAVE", "SCHEDULE"));
        awaitBgsave(c);
      }
      try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
        Dataset.assertSame(before, Dataset.describe(c, Dataset.DATABASES));
      }
      String[] check = RedisProcess.checkRdb(dir.resolve("dump.rdb"));
      if (check != null) assertEquals("0", check[0], check[1]);
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void dumpRestoreCopiesEveryKey() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
      Dataset.populate(c);
      Map<String, String> before = Dataset.describe(c, 0);
      RespReply keys = c.callParsed("KEYS", "*");
      for (RespReply k : keys.elements) {
        byte[] payload = RespReply.parse(c.call(Dataset.b("DUMP"), k.payload)).payload;
        byte[] copy = concat(Dataset.b("copy:"), k.payload);
        assertEquals("+OK\r\n", new String(c.call(Dataset.b("RESTORE"), copy, Dataset.b("0"), payload)));
        String original = before.get("0/" + io.redline.testing.Escape.bytes(k.payload));
        String restored = Dataset.describeKey(c, copy);
        // The copy has no TTL (RESTORE ... 0); everything else is the same.
        String key = io.redline.testing.Escape.bytes(k.payload);
        Dataset.assertSame(Map.of(key, original.replaceFirst(" :-?\\d+ ", " ")), Map.of(key, restored.replaceFirst(" :-?\\d+ ", " ")));
      }
      assertEquals("$-1\r\n", c.callText("DUMP", "nosuchkey"));
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void restoreOptionsAndErrors() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
      c.callText("SET", "k", "v");
      byte[] payload = RespReply.parse(c.call("DUMP", "k")).payload;
      byte[] key = Dataset.b("k");
      assertEquals("-BUSYKEY Target key name already exists.\r\n", new String(c.call(Dataset.b("RESTORE"), key, Dataset.b("0"), payload)));
      assertEquals("+OK\r\n", new String(c.call(Dataset.b("RESTORE"), key, Dataset.b("100000"), payload, Dataset.b("REPLACE"), Dataset.b("IDLETIME"), Dataset.b("1000"))));
      assertTrue(c.callParsed("PTTL", "k").integer() > 90000);
      assertTrue(c.callParsed("OBJECT", "IDLETIME", "k").integer() >= 999);
      long at = System.currentTimeMillis() + 500000;
      assertEquals("+OK\r\n", new String(c.call(Dataset.b("RESTORE"), key, Dataset.b(Long.toString(at)), payload, Dataset.b("REPLACE"), Dataset.b("ABSTTL"))));
      assertEquals(at, c.callParsed("PEXPIRETIME", "k").integer());
      // An absolute time already past: nothing is stored, the replaced key is gone.
      assertEquals("+OK\r\n", new String(c.call(Dataset.b("RESTORE"), key, Dataset.b("1"), payload, Dataset.b("REPLACE"), Dataset.b("ABSTTL"))));
      assertEquals(":0\r\n", c.callText("EXISTS", "k"));
      byte[] bad = payload.clone();
      bad[1] ^= 1;
      assertEquals("-ERR DUMP payload version or checksum are wrong\r\n", new String(c.call(Dataset.b("RESTORE"), key, Dataset.b("0"), bad)));
      assertEquals("-ERR syntax error\r\n", new String(c.call(Dataset.b("RESTORE"), key, Dataset.b("0"), payload, Dataset.b("FREQ"), Dataset.b("1"), Dataset.b("IDLETIME"), Dataset.b("1"))));
      assertFalse(c.callText("PING").isEmpty());
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void debugFollowsEnableDebugCommand() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try (RedlineInstance local = new RedlineInstance("--dir", dir.toString(), "--enable-debug-command", "local").start();
         RawClient c = local.connect()) {
      assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD"), "a loopback client may use DEBUG under 'local'");
      assertTrue(c.callText("DEBUG", "nosuch").startsWith("-ERR unknown subcommand or wrong number of arguments for 'nosuch'"));
      assertTrue(c.callText("CONFIG", "SET", "enable-debug-command", "yes").contains("can't set immutable config"));
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void flushallWithSavePointsSavesTheEmptyDataset() throws Exception {
    Path dir = Files.createTempDirectory("rdb-rt");
    try {
      try (RedlineInstance r = start(dir, "--save", "3600 1"); RawClient c = r.connect()) {
        c.callText("SET", "a", "1");
        assertEquals("+OK\r\n", c.callText("SAVE"));
        assertEquals("+OK\r\n", c.callText("FLUSHALL"));
      }
      try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
        assertEquals(":0\r\n", c.callText("DBSIZE"), "a restart must not bring flushed keys back");
      }
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  @Test
  void failedSavesAreReportedAndRecovered() throws Exception {
    Path parent = Files.createTempDirectory("rdb-rt");
    Path dir = Files.createDirectory(parent.resolve("data"));
    try (RedlineInstance r = start(dir); RawClient c = r.connect()) {
      c.callText("SET", "a", "1");
      RedisProcess.deleteTree(dir); // the directory vanishes under the server
      assertEquals("+Background saving started\r\n", c.callText("BGSAVE"));
      awaitBgsave(c);
      assertTrue(c.callParsed("INFO", "persistence").text().contains("rdb_last_bgsave_status:err\r\n"));
      assertEquals("-ERR\r\n", c.callText("SAVE"));
      Files.createDirectory(dir);
      assertEquals("+Background saving started\r\n", c.callText("BGSAVE"));
      awaitBgsave(c);
      String info = c.callParsed("INFO", "persistence").text();
      assertTrue(info.contains("rdb_last_bgsave_status:ok\r\n"), info);
      assertTrue(Files.exists(dir.resolve("dump.rdb")));
    } finally {
      RedisProcess.deleteTree(parent);
    }
  }

  static void awaitBgsave(RawClient c) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      String info = c.callParsed("INFO", "persistence").text();
      if (info.contains("rdb_bgsave_in_progress:0\r\n")) return;
      Thread.sleep(10);
    }
    throw new AssertionError("BGSAVE did not finish within 60 s");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
