package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scripts over real TCP: one that moves money between keys it never declared (on different
 * shards) is never seen half done, and a sliding-window rate limiter admits exactly its limit.
 */
class ScriptAtomicityTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final String TRANSFER = """
      local from = 'wallet:' .. ARGV[1]
      local to = 'wallet:' .. ARGV[2]
      redis.call('DECRBY', from, 7)
      redis.call('INCRBY', to, 7)
      return 1
      """;

  @Test
  void aScriptTouchingUndeclaredKeysOnSeveralShardsIsAtomic() throws Exception {
    String[] wallets = {"wallet:0", "wallet:1", "wallet:2", "wallet:3"};
    assertTrue(redline.shardsSpanned(wallets) >= 2);
    try (RawClient admin = redline.connect()) {
      for (String w : wallets) admin.call("SET", w, "1000");
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    Future<?>[] writers = new Future<?>[4];
    for (int t = 0; t < writers.length; t++) {
      int seed = t;
      writers[t] = pool.submit(() -> {
        try (RawClient c = redline.connect()) {
          for (int i = 0; i < 300; i++) {
            int from = (i + seed) % 4;
            int to = (i + seed + 1 + i % 3) % 4;
            if (from == to) to = (to + 1) % 4;
            c.call("EVAL", TRANSFER, "0", Integer.toString(from), Integer.toString(to));
          }
        }
        return null;
      });
    }
    Future<Integer> reader = pool.submit(() -> {
      int reads = 0;
      try (RawClient c = redline.connect()) {
        while (!done.get()) {
          String[] parts = c.callText("MGET", wallets[0], wallets[1], wallets[2], wallets[3]).split("\r\n");
          long sum = 0;
          for (int i = 2; i < parts.length; i += 2) sum += Long.parseLong(parts[i]);
          assertEquals(4000, sum, "a reader saw half a script");
          reads++;
        }
      }
      return reads;
    });
    for (Future<?> w : writers) w.get(60, TimeUnit.SECONDS);
    done.set(true);
    assertTrue(reader.get(10, TimeUnit.SECONDS) > 0);
    pool.shutdown();
  }

  private static final String LIMITER = """
      local now = tonumber(ARGV[1])
      local window = tonumber(ARGV[2])
      local limit = tonumber(ARGV[3])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
      if redis.call('ZCARD', KEYS[1]) >= limit then return 0 end
      redis.call('ZADD', KEYS[1], now, ARGV[4])
      redis.call('PEXPIRE', KEYS[1], window)
      return 1
      """;

  @Test
  void aSlidingWindowLimiterAdmitsExactlyItsLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    Future<Integer>[] admitted = new Future[10];
    long now = 1_000_000;
    for (int t = 0; t < admitted.length; t++) {
      int id = t;
      admitted[t] = pool.submit(() -> {
        int ok = 0;
        try (RawClient c = redline.connect()) {
          for (int i = 0; i < 50; i++) {
            String reply = c.callText("EVAL", LIMITER, "1", "rate:user42", Long.toString(now), "60000", "100", id + "-" + i);
            if (reply.equals(":1\r\n")) ok++;
          }
        }
        return ok;
      });
    }
    int total = 0;
    for (Future<Integer> f : admitted) total += f.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(100, total, "500 requests in one window, limit 100");
    try (RawClient c = redline.connect()) {
      assertEquals(":100\r\n", c.callText("ZCARD", "rate:user42"));
    }
  }
}
