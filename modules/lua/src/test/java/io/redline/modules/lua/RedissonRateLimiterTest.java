package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson's RRateLimiter against Redline: its scripts keep permits in a sorted set of
 * struct.pack'ed entries plus a counter, all touched atomically in one script per call.
 */
class RedissonRateLimiterTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static RedissonClient redisson;

  @BeforeAll
  static void connect() {
    Config config = new Config();
    config.useSingleServer().setAddress("redis://127.0.0.1:" + REDLINE.port());
    redisson = Redisson.create(config);
  }

  @AfterAll
  static void disconnect() {
    if (redisson != null) redisson.shutdown();
  }

  @Test
  void permitsRunOutWithinTheInterval() {
    RRateLimiter limiter = redisson.getRateLimiter("redline:rl:basic");
    assertTrue(limiter.trySetRate(RateType.OVERALL, 5, Duration.ofMinutes(10)));
    assertFalse(limiter.trySetRate(RateType.OVERALL, 50, Duration.ofMinutes(10))); // already configured
    assertEquals(5, limiter.availablePermits());
    for (int i = 0; i < 5; i++) assertTrue(limiter.tryAcquire(), "permit " + i);
    assertFalse(limiter.tryAcquire());
    assertEquals(0, limiter.availablePermits());
    assertEquals(5, limiter.getConfig().getRate());
  }

  @Test
  void severalPermitsAtOnceAndRefillAfterTheInterval() throws Exception {
    RRateLimiter limiter = redisson.getRateLimiter("redline:rl:refill");
    assertTrue(limiter.trySetRate(RateType.OVERALL, 4, Duration.ofMillis(300)));
    assertTrue(limiter.tryAcquire(3));
    assertFalse(limiter.tryAcquire(2));
    assertTrue(limiter.tryAcquire(1));
    // acquire() waits (its script reports how long) until the interval has passed.
    limiter.acquire(4);
    assertEquals(0, limiter.availablePermits());
  }

  @Test
  void concurrentClientsNeverExceedTheRate() throws Exception {
    RRateLimiter limiter = redisson.getRateLimiter("redline:rl:concurrent");
    assertTrue(limiter.trySetRate(RateType.OVERALL, 25, Duration.ofMinutes(10)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> {
          int granted = 0;
          for (int i = 0; i < 10; i++) if (limiter.tryAcquire()) granted++;
          return granted;
        });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) total += f.get();
      assertEquals(25, total);
    } finally {
      pool.shutdownNow();
    }
  }
}
