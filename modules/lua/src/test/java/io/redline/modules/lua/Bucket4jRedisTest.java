package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.redline.testing.RedlineInstance;
import java.nio.charset.StandardCharsets;
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

/**
 * Bucket4j's Redis backend (Lettuce, compare-and-swap through its Lua scripts) against Redline:
 * token buckets whose state lives in Redline, shared by concurrent consumers.
 */
class Bucket4jRedisTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static RedisClient client;
  private static StatefulRedisConnection<byte[], byte[]> connection;
  private static LettuceBasedProxyManager<byte[]> buckets;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(RedisURI.create("127.0.0.1", REDLINE.port()));
    connection = client.connect(ByteArrayCodec.INSTANCE);
    buckets = Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build();
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) connection.close();
    if (client != null) client.shutdown();
  }

  private static byte[] key(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  private static BucketConfiguration capacity(long tokens, Duration refillPeriod) {
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, refillPeriod))
        .build();
  }

  @Test
  void tokensRunOutAndTheStateIsShared() {
    BucketProxy bucket = buckets.builder().build(key("redline:b4j:basic"), () -> capacity(10, Duration.ofHours(1)));
    assertTrue(bucket.tryConsume(4));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(5);
    assertTrue(probe.isConsumed());
    assertEquals(1, probe.getRemainingTokens());
    // A second proxy for the same key sees the same state: it lives in Redline.
    BucketProxy again = buckets.builder().build(key("redline:b4j:basic"), () -> capacity(10, Duration.ofHours(1)));
    assertEquals(1, again.getAvailableTokens());
    assertFalse(again.tryConsume(2));
    assertTrue(again.tryConsume(1));
    assertTrue(buckets.getProxyConfiguration(key("redline:b4j:basic")).isPresent());
    // The expiration strategy set a TTL on the bucket's key.
    long ttl = connection.sync().pttl(key("redline:b4j:basic"));
    assertTrue(ttl > 0, "pttl " + ttl);
    buckets.removeProxy(key("redline:b4j:basic"));
    assertEquals(0L, connection.sync().exists(key("redline:b4j:basic")));
  }

  @Test
  void concurrentConsumersGetExactlyTheCapacity() throws Exception {
    byte[] k = key("redline:b4j:concurrent");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> {
          BucketProxy bucket = buckets.builder().build(k, () -> capacity(50, Duration.ofHours(1)));
          int granted = 0;
          for (int i = 0; i < 20; i++) if (bucket.tryConsume(1)) granted++;
          return granted;
        });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) total += f.get();
      assertEquals(50, total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void asyncApiWorksToo() throws Exception {
    var bucket = buckets.asAsync().builder().build(key("redline:b4j:async"), () -> java.util.concurrent.CompletableFuture.completedFuture(capacity(3, Duration.ofHours(1))));
    assertTrue(bucket.tryConsume(3).get());
    assertFalse(bucket.tryConsume(1).get());
  }
}
