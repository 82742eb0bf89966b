package io.redline.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.FreePort;
import io.redline.testing.RawClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AOF end to end, each Redline in a JVM of its own so it can be killed with SIGKILL: the
 * effects logged (Redis 7.0's forms), every type back after a restart and after BGREWRITEAOF,
 * kill -9 under appendfsync always losing no acknowledged write, a truncated tail. The short
 * form of scripts/crash-aof.sh.
 */
class AofTest {
  private Path dir;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException { dir = Files.createTempDirectory("aof"); }

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : started) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    deleteTree(dir);
  }

  @Test
  void commandsAreLoggedAsTheirEffects() throws Exception {
    int port = FreePort.find();
    Process p = start(port, "always");
    try (RawClient c = RawClient.connect(port)) {
      c.callText("SET", "a", "1");
      c.callText("EXPIRE", "a", "100");
      c.callText("SET", "b", "2", "EX", "100", "GET");
      c.callText("SETEX", "c", "100", "x");
      c.callText("INCRBYFLOAT", "f", "1.5");
      c.callText("SADD", "s", "1", "2", "3");
      c.callText("SPOP", "s");
      c.callText("SELECT", "2");
      c.callText("SET", "k", "v");
      c.callText("SELECT", "0");
      c.callText("RPUSH", "l", "a", "b");
      c.callText("BLPOP", "l", "0");
      c.callText("DEL", "nothing"); // changed nothing: not logged
      c.callText("EVAL", "redis.call('set','x','1'); redis.call('incr','x')", "0");
      c.callText("GETDEL", "b");
      c.callText("HSET", "h", "f", "1");
      c.callText("HINCRBYFLOAT", "h", "f", "0.5");
    }
    kill(p);
    List<List<String>> log = commands(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof"));
    List<String> shapes = new ArrayList<>();
    for (List<String> cmd : log) {
      List<String> s = new ArrayList<>(cmd);
      for (int i = 0; i < s.size(); i++) if (s.get(i).matches("\\d{13}")) s.set(i, "<ms>");
      shapes.add(String.join(" ", s));
    }
    assertEquals(List.of("SELECT 0", "SET a 1", "PEXPIREAT a <ms>", "SET b 2 PXAT <ms>", "SET c x PXAT <ms>",
        "SET f 1.5 KEEPTTL", "SADD s 1 2 3", "SREM s " + log.get(7).get(2), "SELECT 2", "SET k v", "SELECT 0",
        "RPUSH l a b", "LPOP l", "set x 1", "incr x", "DEL b", "HSET h f 1", "HSET h f 1.5"),
        upperFirstOfSent(shapes));
    // The reader hands transactions over whole; the file has the script's writes in MULTI/EXEC.
    String raw = Files.readString(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof"), StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nset\r\n$1\r\nx\r\n$1\r\n1\r\n*2\r\n$4\r\nincr\r\n$1\r\nx\r\n*1\r\n$4\r\nEXEC\r\n"), raw);
    checkAof(dir.resolve("appendonlydir/appendonly.aof.manifest"));
  }

  @Test
  void restoreWithATtlKeepsItsDeadlineAcrossAReplay() throws Exception {
    int port = FreePort.find();
    Process p = start(port, "always");
    try (RawClient c = RawClient.connect(port)) {
      c.callText("SET", "src", "value");
      byte[] dump = c.call("DUMP", "src");
      int start = new String(dump, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
      byte[] payload = java.util.Arrays.copyOfRange(dump, start, dump.length - 2);
      assertEquals("+OK\r\n", new String(c.call("RESTORE".getBytes(StandardCharsets.US_ASCII), "dst".getBytes(StandardCharsets.US_ASCII),
          "100000".getBytes(StandardCharsets.US_ASCII), payload), StandardCharsets.ISO_8859_1));
    }
    kill(p);
    Thread.sleep(1500);
    p = start(port, "always");
    try (RawClient c = RawClient.connect(port)) {
      long pttl = Long.parseLong(c.callText("PTTL", "dst").substring(1).trim());
      // Logged as RESTORE dst <absolute ms> ... ABSTTL: the 1.5 s spent down count, not a fresh 100 s.
      assertTrue(pttl > 0 && pttl <= 98_500, "PTTL after replay: " + pttl);
      assertEquals("$5\r\nvalue\r\n", c.callText("GET", "dst"));
    } finally {
      kill(p);
    }
  }

  /** What we sent is logged as sent (lower or upper case); compare the names case-insensitively. */
  private static List<String> upperFirstOfSent(List<String> shapes) {
    List<String> out = new ArrayList<>();
    for (String s : shapes) {
      String[] w = s.split(" ", 2);
      String name = w[0].equals("set") || w[0].equals("incr") ? w[0] : w[0].toUpperCase();
      out.add(w.length == 1 ? name : name + " " + w[1]);
    }
    return out;
  }

  @Test
  void everyTypeSurvivesRestartAndRewrite() throws Exception {
    int port = FreePort.find();
    Process p = start(port, "everysec");
    TreeMap<String, String> before;
    try (RawClient c = RawClient.connect(port)) {
      fill(c, 0);
      assertEquals("+Background append only file rewriting started\r\n", c.callText("BGREWRITEAOF"));
      waitRewrite(c);
      fill(c, 1); // after the rewrite: into the new incr file
      before = dumpAll(c);
    }
    p.destroy(); // a clean stop forces everything
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    String manifest = Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"));
    assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n", manifest);
    port = FreePort.find();
    start(port, "everysec");
    try (RawClient c = RawClient.connect(port)) {
      assertEquals(before, dumpAll(c));
    }
  }

  @Test
  void killUnderAlwaysLosesNoAcknowledgedWrite() throws Exception {
    int port = FreePort.find();
    Process p = start(port, "always");
    AtomicLong acked = new AtomicLong(-1);
    Thread writer = new Thread(() -> {
      try (RawClient c = RawClient.connect(port)) {
        for (long i = 0; ; i++) {
          if (!c.callText("SET", "k:" + i, "v").equals("+OK\r\n")) return;
          c.callText("SET", "last", Long.toString(i));
          acked.set(i);
        }
      } catch (IOException killed) {
        // the server died under it
      }
    });
    writer.start();
    long deadline = System.currentTimeMillis() + 20_000;
    while (acked.get() < 300 && System.currentTimeMillis() < deadline) Thread.sleep(5);
    kill(p);
    writer.join(10_000);
    long last = acked.get();
    assertTrue(last >= 300, "too few writes: " + last);
    int port2 = FreePort.find();
    start(port2, "always");
    try (RawClient c = RawClient.connect(port2)) {
      long logged = Long.parseLong(c.callParsed("GET", "last").text());
      assertTrue(logged >= last, "acknowledged " + last + " but only " + logged + " survived");
      assertEquals(":1\r\n", c.callText("EXISTS", "k:" + last));
    }
  }

  /**
   * appendfsync everysec: a kill -9 may lose what was acknowledged in about the last second, no
   * more. The writer notes when each write was acknowledged; every write acknowledged more than
   * two seconds before the kill must have survived (the bound leaves room for a busy machine).
   */
  @Test
  void killUnderEverysecLosesAtMostAboutASecond() throws Exception {
    int port = FreePort.find();
    Process p = start(port, "everysec");
    java.util.concurrent.ConcurrentHashMap<Long, Long> ackedAt = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong acked = new AtomicLong(-1);
    Thread writer = new Thread(() -> {
      try (RawClient c = RawClient.connect(port)) {
        for (long i = 0; ; i++) {
          if (!c.callText("SET", "last", Long.toString(i)).equals("+OK\r\n")) return;
          acked.set(i);
          if (i % 50 == 0) ackedAt.put(System.nanoTime(), i);
        }
      } catch (IOException killed) {
        // the server died under it
      }
    });
    writer.start();
    Thread.sleep(3000); // long enough for several background fsyncs
    long killedAt = System.nanoTime();
    kill(p);
    writer.join(10_000);
    long safe = -1; // the last write acknowledged more than 2 s before the kill
    for (var e : ackedAt.entrySet()) if (killedAt - e.getKey() > 2_000_000_000L) safe = Math.max(safe, e.getValue());
    assertTrue(safe >= 0, "no write was acknowledged early enough: " + acked.get());
    int port2 = FreePort.find();
    start(port2, "everysec");
    try (RawClient c = RawClient.connect(port2)) {
      long logged = Long.parseLong(c.callParsed("GET", "last").text());
      assertTrue(logged >= safe, "write " + safe + " was acknowledged over 2 s before the kill, but only " + logged + " survived");
    }
  }

  @Test
  void truncatedTailLoadsEveryCompleteCommand() throws Exception {
    int port = FreePort.find();
    Process p = start(port, "always");
    try (RawClient c = RawClient.connect(port)) {
      for (int i = 0; i < 100; i++) c.callText("SET", "key:" + i, "v" + i);
    }
    kill(p);
    Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
    Files.write(incr, "*3\r\n$3\r\nSET\r\n$3\r\nkey".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
    Process refused = start(FreePort.find(), "always", "--aof-load-truncated", "no");
    assertTrue(refused.waitFor(30, TimeUnit.SECONDS));
    assertFalse(refused.exitValue() == 0);
    port = FreePort.find();
    start(port, "always");
    try (RawClient c = RawClient.connect(port)) {
      assertEquals(":100\r\n", c.callText("DBSIZE"));
      assertEquals("$3\r\nv99\r\n", c.callText("GET", "key:99"));
    }
    assertTrue(Files.readString(dir.resolve("redline-" + port + ".log")).contains("!!! Truncating the AOF appendonly.aof.1.incr.aof at offset"));
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static void fill(RawClient c, int round) throws IOException {
    String r = Integer.toString(round);
    c.callText("SET", "str" + r, "hello");
    c.callText("SET", "int" + r, "12345", "EX", "1000");
    c.callText("RPUSH", "list" + r, "a", "b", "c");
    c.callText("SADD", "set" + r, "1", "2", "x");
    c.callText("SADD", "iset" + r, "1", "2", "3");
    c.callText("ZADD", "zset" + r, "1", "a", "2.5", "b");
    c.callText("HSET", "hash" + r, "f", "v", "g", "w");
    c.callText("PFADD", "hll" + r, "a", "b", "c");
    c.callText("SETBIT", "bits" + r, "100", "1");
    c.callText("SELECT", "3");
    c.callText("SET", "db3-" + r, "x");
    c.callText("SELECT", "0");
    c.callText("INCRBYFLOAT", "float" + r, "0.1");
  }

  private static TreeMap<String, String> dumpAll(RawClient c) throws IOException {
    TreeMap<String, String> all = new TreeMap<>();
    for (int db : new int[] {0, 3}) {
      c.callText("SELECT", Integer.toString(db));
      for (var k : c.callParsed("KEYS", "*").elements) {
        String key = k.text();
        // A hashtable set's DUMP follows its table order, which a reload may change: compare members.
        String value = c.callText("TYPE", key).equals("+set\r\n")
            ? new java.util.TreeSet<>(c.callParsed("SMEMBERS", key).elements.stream().map(e -> e.text()).toList()).toString()
            : new String(c.call("DUMP", key), StandardCharsets.ISO_8859_1);
        all.put(db + ":" + key, value
            + " ttl>0:" + (Long.parseLong(c.callParsed("PTTL", key).text()) > 0));
      }
    }
    c.callText("SELECT", "0");
    return all;
  }

  private static void waitRewrite(RawClient c) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!c.callParsed("INFO", "persistence").text().contains("aof_rewrite_in_progress:0")) {
      assertTrue(System.currentTimeMillis() < deadline, "rewrite did not end");
      Thread.sleep(10);
    }
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
  }

  private Process start(int port, String fsync, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.redline.Main",
        "--port", String.valueOf(port), "--shards", "2", "--dir", dir.toString(), "--save", "",
        "--appendonly", "yes", "--appendfsync", fsync));
    cmd.addAll(List.of(extra));
    Path log = dir.resolve("redline-" + port + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(p);
    if (extra.length > 0) return p; // a start expected to fail is waited for by the caller
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      assertTrue(p.isAlive(), "Redline exited: " + Files.readString(log));
      try (RawClient c = new RawClient("127.0.0.1", port, 1000)) {
        if (c.callText("PING").equals("+PONG\r\n")) return p;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("Redline did not start: " + Files.readString(log));
  }

  /** Debian's redis-check-aof must accept what Redline wrote (skipped where redis-tools is absent). */
  private static void checkAof(Path manifest) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/redis-check-aof"))) return;
    Process p = new ProcessBuilder("/usr/bin/redis-check-aof", manifest.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("All AOF files and manifest are valid"), out);
  }

  private static void deleteTree(Path d) throws IOException {
    try (var walk = Files.walk(d)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** The commands of an AOF file, as strings. */
  static List<List<String>> commands(Path file) throws IOException {
    List<List<String>> out = new ArrayList<>();
    AofReader.read(file, 0, argv -> {
      List<String> cmd = new ArrayList<>();
      for (byte[] a : argv) cmd.add(new String(a, StandardCharsets.UTF_8));
      out.add(cmd);
    });
    return out;
  }
}
