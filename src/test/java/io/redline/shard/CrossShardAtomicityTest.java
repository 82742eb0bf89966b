package io.redline.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Multi-shard commands seen from many connections at once, over TCP against a 4-shard Redline:
 * no reader may ever see half of an MSET or of a RENAME, concurrent cross-shard RENAMEs must
 * not deadlock, and a long pipeline over all shards must be answered in request order.
 * Timeouts only catch hangs; nothing here measures speed.
 */
class CrossShardAtomicityTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  /** CRC16 puts a..h on all four shards (asserted below, against the server's own router). */
  private static final String[] KEYS = {"a", "b", "c", "d", "e", "f", "g", "h"};
  private static final Duration HANG = Duration.ofSeconds(90);

  @BeforeEach
  void flush() {
    try (Jedis j = jedis()) {
      j.flushAll();
    }
  }

  private static Jedis jedis() {
    return new Jedis("127.0.0.1", REDLINE.port(), 30_000);
  }

  @Test
  void keysSpanAtLeastThreeShards() {
    assertTrue(REDLINE.shardsSpanned(KEYS) >= 3, "a..h span only " + REDLINE.shardsSpanned(KEYS) + " shard(s)");
    assertTrue(REDLINE.shardOf("a") != REDLINE.shardOf("b"), "RENAME test needs a and b on different shards");
  }

  @Test
  void mgetNeverSeesHalfAnMset() {
    assertTimeoutPreemptively(HANG, () -> {
      try (Jedis j = jedis()) {
        j.mset(interleave("init"));
      }
      int writers = 8;
      int readers = 8;
      int writesEach = 1500;
      ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      Queue<String> torn = new ConcurrentLinkedQueue<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> ws = new ArrayList<>();
      List<Future<?>> rs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        ws.add(pool.submit(() -> {
          try (Jedis j = jedis()) {
            go.await();
            for (int i = 0; i < writesEach; i++) assertEquals("OK", j.mset(interleave("w" + id + "-" + i)));
          }
          return null;
        }));
      }
      for (int r = 0; r < readers; r++) {
        rs.add(pool.submit(() -> {
          try (Jedis j = jedis()) {
            go.await();
            while (writing.get() && torn.size() < 10) {
              List<String> vals = j.mget(KEYS);
              reads.incrementAndGet();
              if (vals.stream().distinct().count() != 1) torn.add(vals.toString());
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : ws) f.get();
      writing.set(false);
      for (Future<?> f : rs) f.get();
      pool.shutdown();
      assertTrue(torn.isEmpty(), "MGET saw a mix of MSETs, e.g. " + torn.peek() + " (" + torn.size() + " torn reads)");
      assertTrue(reads.get() > 0, "the readers got to read");
      try (Jedis j = jedis()) {
        assertEquals(1, j.mget(KEYS).stream().distinct().count(), "final state is one MSET's");
      }
    });
  }

  @Test
  void concurrentCrossShardRenamesNeitherDeadlockNorTear() {
    assertTimeoutPreemptively(HANG, () -> {
      try (Jedis j = jedis()) {
        j.set("a", "payload");
      }
      int threads = 8;
      int iterations = 500;
      ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
      AtomicBoolean running = new AtomicBoolean(true);
      Queue<String> problems = new ConcurrentLinkedQueue<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> renamers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        renamers.add(pool.submit(() -> {
          try (Jedis j = jedis()) {
            go.await();
            for (int i = 0; i < iterations; i++) {
              boolean forward = (i + id) % 2 == 0;
              try {
                assertEquals("OK", forward ? j.rename("a", "b") : j.rename("b", "a"));
              } catch (JedisDataException e) {
                if (!e.getMessage().equals("ERR no such key")) problems.add("RENAME replied " + e.getMessage());
              }
            }
          }
          return null;
        }));
      }
      List<Future<?>> watchers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        watchers.add(pool.submit(() -> {
          try (Jedis j = jedis()) {
            go.await();
            while (running.get() && problems.size() < 10) {
              List<String> v = j.mget("a", "b");
              long present = v.stream().filter(x -> x != null).count();
              if (present != 1 || !v.contains("payload")) problems.add("MGET a b saw " + v);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : renamers) f.get();
      running.set(false);
      for (Future<?> f : watchers) f.get();
      pool.shutdown();
      assertTrue(problems.isEmpty(), problems.size() + " problem(s), e.g. " + problems.peek());
      try (Jedis j = jedis()) {
        assertEquals(1, j.exists("a", "b"), "exactly one of a, b exists");
        String v = j.get("a") != null ? j.get("a") : j.get("b");
        assertEquals("payload", v);
      }
    });
  }

  @Test
  void tenThousandCommandPipelineOverAllShardsAnswersInOrder() {
    assertTimeoutPreemptively(HANG, () -> {
      int n = 10_000;
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>(n);
      long[] counters = new long[16];
      for (int i = 0; i < n; i++) {
        String key = "pipe:" + (i % 97); // consecutive commands hop between shards
        switch (i % 3) {
          case 0 -> {
            String v = "val-" + i;
            req.writeBytes(RawClient.encode("SET", key, v));
            expected.add("+OK\r\n");
          }
          case 1 -> {
            String prevKey = "pipe:" + ((i - 1) % 97);
            String v = "val-" + (i - 1);
            req.writeBytes(RawClient.encode("GET", prevKey));
            expected.add("$" + v.length() + "\r\n" + v + "\r\n");
          }
          default -> {
            int c = i % 16;
            req.writeBytes(RawClient.encode("INCR", "ctr:" + c));
            expected.add(":" + (++counters[c]) + "\r\n");
          }
        }
      }
      assertTrue(REDLINE.shardsSpanned("pipe:0", "pipe:1", "pipe:2", "pipe:3", "pipe:4", "pipe:5", "pipe:6", "pipe:7") >= 3);
      try (RawClient c = REDLINE.connect()) {
        byte[] all = req.toByteArray();
        // Written from another thread, so replies are read while requests are still going out.
        Thread writer = new Thread(() -> {
          try {
            c.sendRaw(all);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, "pipeline-writer");
        writer.start();
        for (int i = 0; i < n; i++) {
          byte[] got = c.readRaw();
          String s = new String(got, StandardCharsets.ISO_8859_1);
          if (!s.equals(expected.get(i))) {
            fail("reply " + i + " out of order or wrong: expected " + Escape.bytes(expected.get(i).getBytes(StandardCharsets.ISO_8859_1))
                + ", got " + Escape.reply(got));
          }
        }
        writer.join();
      }
    });
  }

  private static String[] interleave(String value) {
    String[] kv = new String[KEYS.length * 2];
    for (int i = 0; i < KEYS.length; i++) {
      kv[2 * i] = KEYS[i];
      kv[2 * i + 1] = value;
    }
    return kv;
  }
}
