package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Redis 7.0 and Redline exchange data both ways: RDB files (each loads the other's; redis-check-rdb
 * accepts Redline's) and DUMP payloads (each restores the other's), compared key by key with the
 * encodings each server picks on load; and DUMP bytes equal Redis's for every deterministic
 * encoding. Skipped, with the reason printed, where redis-server is not installed.
 */
class RdbInteropTest {
  /** Hashtable-encoded values: their element order is the hash table's, different in each server. */
  private static final Set<String> UNORDERED = Set.of("set:big", "set:str", "h:ht");

  private static RedlineInstance redline(Path dir) {
    return new RedlineInstance("--dir", dir.toString(), "--enable-debug-command", "yes").start();
  }

  @Test
  void redisFileLoadsInRedline() throws Exception {
    Path redisDir = Files.createTempDirectory("interop-redis");
    Path redlineDir = Files.createTempDirectory("interop-redline");
    try (RedisProcess redis = RedisProcess.start(redisDir); RawClient rc = redis.connect()) {
      Dataset.populate(rc);
      assertEquals("+OK\r\n", rc.callText("DEBUG", "RELOAD")); // saves, and shows the encodings Redis loads with
      TreeMap<String, String> expected = Dataset.describe(rc, Dataset.DATABASES);
      Files.copy(redisDir.resolve("dump.rdb"), redlineDir.resolve("dump.rdb"), StandardCopyOption.REPLACE_EXISTING);
      try (RedlineInstance r = redline(redlineDir); RawClient c = r.connect()) {
        Dataset.assertSame(expected, Dataset.describe(c, Dataset.DATABASES));
      }
    } finally {
      RedisProcess.deleteTree(redisDir);
      RedisProcess.deleteTree(redlineDir);
    }
  }

  @Test
  void redlineFilesLoadInRedisAndPassRedisCheckRdb() throws Exception {
    for (String save : new String[] {"SAVE", "BGSAVE"}) {
      Path dir = Files.createTempDirectory("interop-redline");
      try {
        TreeMap<String, String> expected;
        try (RedlineInstance r = redline(dir); RawClient c = r.connect()) {
          Dataset.populate(c);
          assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD"));
          expected = Dataset.describe(c, Dataset.DATABASES);
          if (save.equals("SAVE")) {
            assertEquals("+OK\r\n", c.callText("SAVE"));
          } else {
            assertEquals("+Background saving started\r\n", c.callText("BGSAVE"));
            RdbRoundTripTest.awaitBgsave(c);
          }
        }
        String[] check = RedisProcess.checkRdb(dir.resolve("dump.rdb"));
        if (check != null) assertEquals("0", check[0], save + ": redis-check-rdb says\n" + check[1]);
        try (RedisProcess redis = RedisProcess.start(dir); RawClient rc = redis.connect()) {
          Dataset.assertSame(expected, Dataset.describe(rc, Dataset.DATABASES));
        }
      } finally {
        RedisProcess.deleteTree(dir);
      }
    }
  }

  @Test
  void dumpPayloadsRestoreBothWays() throws Exception {
    Path redisDir = Files.createTempDirectory("interop-redis");
    Path redlineDir = Files.createTempDirectory("interop-redline");
    try (RedisProcess redis = RedisProcess.start(redisDir); RawClient rc = redis.connect();
         RedlineInstance r = redline(redlineDir); RawClient lc = r.connect()) {
      Dataset.populate(rc);
      Dataset.populate(lc);
      copyAll(rc, lc, "from-redis:");
      copyAll(lc, rc, "from-redline:");
    } finally {
      RedisProcess.deleteTree(redisDir);
      RedisProcess.deleteTree(redlineDir);
    }
  }

  /** DUMPs every db-0 key of {@code from}, RESTOREs it into {@code to} under a prefix, and compares. */
  private static void copyAll(RawClient from, RawClient to, String prefix) throws Exception {
    RespReply keys = from.callParsed("KEYS", "*");
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (RespReply k : keys.elements) {
      if (new String(k.payload).startsWith("from-")) continue;
      byte[] payload = RespReply.parse(from.call(Dataset.b("DUMP"), k.payload)).payload;
      byte[] copy = RdbRoundTripTest.concat(Dataset.b(prefix), k.payload);
      byte[] reply = to.call(Dataset.b("RESTORE"), copy, Dataset.b("0"), payload);
      assertEquals("+OK\r\n", new String(reply), Escape.bytes(k.payload));
      String name = Escape.bytes(k.payload);
      expected.put(name, withoutTtl(Dataset.describeKey(from, k.payload)));
      actual.put(name, withoutTtl(Dataset.describeKey(to, copy)));
    }
    Dataset.assertSame(expected, actual);
  }

  private static String withoutTtl(String description) { return description.replaceFirst(" :-?\\d+ ", " "); }

  @Test
  void dumpBytesEqualRedisForEveryDeterministicEncoding() throws Exception {
    Path redisDir = Files.createTempDirectory("interop-redis");
    Path redlineDir = Files.createTempDirectory("interop-redline");
    try (RedisProcess redis = RedisProcess.start(redisDir); RawClient rc = redis.connect();
         RedlineInstance r = redline(redlineDir); RawClient lc = r.connect()) {
      for (RawClient c : new RawClient[] {rc, lc}) {
        assertEquals("+OK\r\n", c.callText("CONFIG", "SET", "rdbcompression", "no"));
        Dataset.populate(c);
      }
      RespReply keys = rc.callParsed("KEYS", "*");
      int compared = 0;
      for (RespReply k : keys.elements) {
        if (UNORDERED.contains(new String(k.payload))) continue;
        byte[] theirs = rc.call(Dataset.b("DUMP"), k.payload);
        byte[] ours = lc.call(Dataset.b("DUMP"), k.payload);
        assertArrayEquals(theirs, ours, "DUMP " + Escape.bytes(k.payload) + "\n redis:   " + Escape.bytes(theirs, 0, theirs.length, 300)
            + "\n redline: " + Escape.bytes(ours, 0, ours.length, 300));
        // Redis's payload restored here dumps back to the same bytes (an intset keeps its width...).
        byte[] payload = RespReply.parse(theirs).payload;
        byte[] copy = RdbRoundTripTest.concat(Dataset.b("rt:"), k.payload);
        assertEquals("+OK\r\n", new String(lc.call(Dataset.b("RESTORE"), copy, Dataset.b("0"), payload)));
        assertArrayEquals(theirs, lc.call(Dataset.b("DUMP"), copy), "DUMP after RESTORE of " + Escape.bytes(k.payload));
        compared++;
      }
      assertEquals(keys.elements.size() - UNORDERED.size(), compared);
    } finally {
      RedisProcess.deleteTree(redisDir);
      RedisProcess.deleteTree(redlineDir);
    }
  }
}
