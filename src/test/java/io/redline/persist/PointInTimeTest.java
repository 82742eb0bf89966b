package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * BGSAVE under concurrent writes produces the dataset as it was when BGSAVE ran. The writes that
 * follow BGSAVE on the same connection are ordered after its point in time (a connection's
 * commands run in order), so "the state at the start" is exactly what the connection described
 * just before; those writes change, delete, expire, rename, move and create keys across shards,
 * flush one database and swap two others, while the save is slowed down (rdb-key-save-delay) so
 * that they land in the middle of its walk. Another connection writes other keys meanwhile.
 */
class PointInTimeTest {
  private static final int STRINGS = 3000;
  private static final int OTHERS = 300;

  @Test
  void bgsaveWritesTheDatasetAsOfItsStart() throws Exception {
    Path dir = Files.createTempDirectory("pit");
    try {
      TreeMap<String, String> atStart;
      try (RedlineInstance r = new RedlineInstance("--dir", dir.toString()).start();
           RawClient c = r.connect(); RawClient noise = r.connect()) {
        populate(c);
        atStart = Dataset.describe(c, 0, 1, 2, 3, 5);
        assertEquals("+OK\r\n", c.callText("CONFIG", "SET", "rdb-key-save-delay", "100"));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong noiseWrites = new AtomicLong();
        Thread noiseWriter = new Thread(() -> {
          Random nr = new Random(3);
          try {
            while (!stop.get()) {
              noise.call("SET", "noise:" + nr.nextInt(500), "x" + nr.nextInt());
              noise.call("DEL", "noise:" + nr.nextInt(500));
              noiseWrites.incrementAndGet();
            }
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        });

        // BGSAVE and the writes after it go out as one pipeline.
        List<String[]> after = writesAfter(new Random(7));
        List<byte[]> pipeline = new ArrayList<>();
        pipeline.add(RawClient.encode("BGSAVE"));
        for (String[] w : after) pipeline.add(RawClient.encode(w));
        noiseWriter.start();
        for (byte[] p : pipeline) c.sendRaw(p);
        assertEquals("Background saving started", c.readReply().text());
        for (int i = 0; i < after.size(); i++) {
          var reply = c.readReply();
          // RENAME of a key an earlier write removed answers "no such key": fine, it changed nothing.
          assertTrue(!reply.isError() || reply.text().equals("ERR no such key"), String.join(" ", after.get(i)) + " -> " + reply);
        }
        String info = c.callParsed("INFO", "persistence").text();
        assertTrue(info.contains("rdb_bgsave_in_progress:1\r\n"),
            "the writes must land while the save runs (slow it down more if this fails)\n" + info);
        assertEquals("+OK\r\n", c.callText("CONFIG", "SET", "rdb-key-save-delay", "0"));
        RdbRoundTripTest.awaitBgsave(c);
        stop.set(true);
        noiseWriter.join(10_000);
        assertTrue(noiseWrites.get() > 0);
        info = c.callParsed("INFO", "persistence").text();
        assertTrue(info.contains("rdb_last_bgsave_status:ok\r\n"), info);
      }
      // A fresh server loads the file: it must hold exactly the state at BGSAVE.
      try (RedlineInstance r = new RedlineInstance("--dir", dir.toString()).start(); RawClient c = r.connect()) {
        TreeMap<String, String> loaded = Dataset.describe(c, 0, 1, 2, 3, 5);
        loaded.keySet().removeIf(k -> k.startsWith("0/\"noise:"));
        atStart.keySet().removeIf(k -> k.startsWith("0/\"noise:"));
        Dataset.assertSame(atStart, loaded);
      }
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  private static void populate(RawClient c) throws Exception {
    List<byte[]> cmds = new ArrayList<>();
    for (int i = 0; i < STRINGS; i++) cmds.add(RawClient.encode("SET", "k:" + i, "v0:" + i));
    for (int i = 0; i < OTHERS; i++) {
      cmds.add(RawClient.encode("HSET", "h:" + i, "f", "v0", "g", Integer.toString(i)));
      cmds.add(RawClient.encode("RPUSH", "l:" + i, "a", "b", Integer.toString(i)));
      cmds.add(RawClient.encode("SADD", "s:" + i, "1", "2", "m" + i));
      cmds.add(RawClient.encode("ZADD", "z:" + i, "1", "a", "2.5", "b"));
    }
    cmds.add(RawClient.encode("SET", "ttl:k", "v", "PX", "900000000"));
    cmds.add(RawClient.encode("SELECT", "1"));
    for (int i = 0; i < 300; i++) cmds.add(RawClient.encode("SET", "db1:" + i, "x"));
    cmds.add(RawClient.encode("SELECT", "2"));
    for (int i = 0; i < 100; i++) cmds.add(RawClient.encode("SET", "db2:" + i, "two"));
    cmds.add(RawClient.encode("SELECT", "3"));
    for (int i = 0; i < 50; i++) cmds.add(RawClient.encode("RPUSH", "db3:" + i, "three"));
    cmds.add(RawClient.encode("SELECT", "0"));
    for (byte[] b : cmds) c.sendRaw(b);
    for (int i = 0; i < cmds.size(); i++) {
      var reply = c.readReply();
      if (reply.isError()) throw new AssertionError(reply.toString());
    }
  }

  /** Writes of every kind over keys spread on all shards, in random order. */
  private static List<String[]> writesAfter(Random r) {
    List<String[]> w = new ArrayList<>();
    for (int n = 0; n < 4000; n++) {
      int i = r.nextInt(STRINGS);
      int j = r.nextInt(OTHERS);
      switch (r.nextInt(12)) {
        case 0 -> w.add(new String[] {"SET", "k:" + i, "v1"});
        case 1 -> w.add(new String[] {"DEL", "k:" + i});
        case 2 -> w.add(new String[] {"APPEND", "k:" + i, "++"});
        case 3 -> w.add(new String[] {"PEXPIRE", "k:" + i, "900000000"});
        case 4 -> w.add(new String[] {"HSET", "h:" + j, "f", "v1", "new", "x"});
        case 5 -> w.add(new String[] {"LPUSH", "l:" + j, "front"});
        case 6 -> w.add(new String[] {"SADD", "s:" + j, "added", "99"});
        case 7 -> w.add(new String[] {"ZINCRBY", "z:" + j, "10", "a"});
        case 8 -> w.add(new String[] {"RENAMENX", "k:" + i, "renamed:" + n});
        case 9 -> w.add(new String[] {"MSET", "k:" + i, "m1", "k:" + r.nextInt(STRINGS), "m2", "created:" + n, "m3"});
        case 10 -> w.add(new String[] {"MOVE", "k:" + i, "5"});
        default -> w.add(new String[] {"SET", "created:" + n, "new"});
      }
      if (n == 1000) {
        w.add(new String[] {"SELECT", "1"});
        w.add(new String[] {"FLUSHDB"});
        w.add(new String[] {"SET", "db1:after-flush", "y"});
        w.add(new String[] {"SELECT", "0"});
      }
      if (n == 2000) {
        // After the swap, change keys through their new databases: the file must still have them
        // in the databases they were in when the save began.
        w.add(new String[] {"SWAPDB", "2", "3"});
        w.add(new String[] {"SELECT", "2"});
        w.add(new String[] {"DEL", "db3:0"});
        w.add(new String[] {"RPUSH", "db3:1", "more"});
        w.add(new String[] {"SELECT", "3"});
        w.add(new String[] {"SET", "db2:0", "changed"});
        w.add(new String[] {"DEL", "db2:1"});
        w.add(new String[] {"SELECT", "0"});
      }
      if (n == 3000) w.add(new String[] {"PERSIST", "ttl:k"});
    }
    return w;
  }
}
