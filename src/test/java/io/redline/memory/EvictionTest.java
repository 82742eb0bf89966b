package io.redline.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * maxmemory 64mb and each policy: writing four times that much keeps used_memory within the
 * limit, never answers OOM (except under noeviction, which must), and evicts the keys the policy
 * names: volatile-* never a key without a TTL, volatile-ttl the nearest expiry first, LRU and LFU
 * keep a hot set that is read all along.
 */
class EvictionTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance("--maxmemory", "64mb");

  private static final long LIMIT = 64L << 20;
  private static final int VALUE = 4096;
  /** Keys of 4 KB: 4 x 64 MB of them. */
  private static final int KEYS = (int) (4 * LIMIT / VALUE);
  private static final String PAYLOAD = "x".repeat(VALUE);
  private static final int HOT = 200;

  private Jedis jedis() { return new Jedis("127.0.0.1", redline.port(), 20_000); }

  @BeforeEach
  void flush() {
    try (Jedis j = jedis()) {
      j.flushAll();
      j.configSet("maxmemory-policy", "noeviction");
      j.configSet("maxmemory-samples", "5");
    }
  }

  /** Writes {@code count} keys "prefix:i" of 4 KB (with a TTL when ttl > 0, TTL decreasing with i if reverse); returns the replies that were not OK. */
  private static long write(Jedis j, String prefix, int count, long ttl, boolean reverseTtl, Runnable everyBatch) {
    long bad = 0;
    int batch = 256;
    for (int from = 0; from < count; from += batch) {
      Pipeline p = j.pipelined();
      List<Response<String>> replies = new java.util.ArrayList<>();
      for (int i = from; i < Math.min(count, from + batch); i++) {
        SetParams params = new SetParams();
        if (ttl > 0) params.ex(reverseTtl ? ttl - i : ttl);
        replies.add(p.set(prefix + ":" + i, PAYLOAD, params));
      }
      try {
        p.sync();
      } catch (RuntimeException e) {
        bad++;
      }
      for (Response<String> r : replies) {
        try {
          if (!"OK".equals(r.get())) bad++;
        } catch (RuntimeException e) {
          bad++;
        }
      }
      if (everyBatch != null) everyBatch.run();
    }
    return bad;
  }

  private static long info(Jedis j, String section, String field) {
    for (String line : j.info(section).split("\r\n")) {
      if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1));
    }
    throw new AssertionError(field + " not in INFO " + section);
  }

  private static void assertWithinLimit(Jedis j) {
    long used = info(j, "memory", "used_memory");
    assertTrue(used <= LIMIT, "used_memory " + used + " over maxmemory " + LIMIT);
    assertTrue(used > LIMIT / 2, "used_memory " + used + ": eviction went far below the limit");
  }

  private void allkeys(String policy) {
    try (Jedis j = jedis()) {
      j.configSet("maxmemory-policy", policy);
      long before = info(j, "stats", "evicted_keys");
      assertEquals(0, write(j, "k", KEYS, 0, false, null), "OOM or other errors under " + policy);
      assertWithinLimit(j);
      long evicted = info(j, "stats", "evicted_keys") - before;
      assertTrue(evicted > KEYS / 2, "evicted_keys " + evicted);
      assertEquals(KEYS - evicted, j.dbSize());
    }
  }

  @Test
  void allkeysRandom() { allkeys("allkeys-random"); }

  /**
   * The LRU clock counts seconds, as Redis's does: keys touched within the same second tie, so
   * the cold writes are spread over seconds (half the limit per second), as a cache must turn
   * over slower than that for LRU to tell its hot keys from its cold ones, in Redis too.
   */
  @Test
  void allkeysLruKeepsTheHotSet() { hotSet("allkeys-lru", 32); }

  @Test
  void allkeysLfuKeepsTheHotSet() { hotSet("allkeys-lfu", 0); }

  /**
   * A hot set written first and read after every batch survives four times the limit of other
   * writes; with {@code batchesPerSecond} > 0 the writes pause past the next clock second after that many batches.
   */
  private void hotSet(String policy, int batchesPerSecond) {
    try (Jedis j = jedis(); Jedis reader = jedis()) {
      j.configSet("maxmemory-policy", policy);
      assertEquals(0, write(j, "hot", HOT, 0, false, null));
      long[] hits = new long[2];
      int[] batches = {0};
      Runnable readHot = () -> {
        if (batchesPerSecond > 0 && ++batches[0] % batchesPerSecond == 0) pauseIntoNextSecond();
        Pipeline p = reader.pipelined();
        List<Response<String>> got = new java.util.ArrayList<>();
        for (int i = 0; i < HOT; i++) got.add(p.get("hot:" + i));
        p.sync();
        for (Response<String> r : got) hits[r.get() != null ? 0 : 1]++;
      };
      assertEquals(0, write(j, "cold", KEYS, 0, false, readHot), "OOM or other errors under " + policy);
      assertWithinLimit(j);
      double hitRate = (double) hits[0] / (hits[0] + hits[1]);
      assertTrue(hitRate > 0.98, policy + ": hot set hit rate " + hitRate);
      long hotLeft = 0;
      for (int i = 0; i < HOT; i++) if (j.exists("hot:" + i)) hotLeft++;
      assertTrue(hotLeft >= HOT * 95 / 100, policy + ": " + hotLeft + " of " + HOT + " hot keys left");
    }
  }

  private static void pauseIntoNextSecond() {
    try {
      Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** volatile-lru, -lfu, -random: keys without a TTL are never evicted. */
  private void volatileOnly(String policy) {
    try (Jedis j = jedis()) {
      j.configSet("maxmemory-policy", policy);
      int permanent = (int) (LIMIT / 4 / VALUE); // a quarter of the limit
      long before = info(j, "stats", "evicted_keys");
      assertEquals(0, write(j, "keep", permanent, 0, false, null));
      assertEquals(0, write(j, "ttl", KEYS, 100_000, false, null), "OOM or other errors under " + policy);
      assertWithinLimit(j);
      for (int i = 0; i < permanent; i++) assertTrue(j.exists("keep:" + i), policy + " evicted keep:" + i);
      assertTrue(info(j, "stats", "evicted_keys") - before > KEYS / 2);
    }
  }

  @Test
  void volatileLru() { volatileOnly("volatile-lru"); }

  @Test
  void volatileLfu() { volatileOnly("volatile-lfu"); }

  @Test
  void volatileRandom() { volatileOnly("volatile-random"); }

  /** volatile-ttl: later keys get nearer expiries, so they go first and the early ones stay. */
  @Test
  void volatileTtlEvictsTheNearestExpiry() {
    try (Jedis j = jedis()) {
      j.configSet("maxmemory-policy", "volatile-ttl");
      int permanent = 100;
      assertEquals(0, write(j, "keep", permanent, 0, false, null));
      assertEquals(0, write(j, "ttl", KEYS, 1_000_000, true, null));
      assertWithinLimit(j);
      for (int i = 0; i < permanent; i++) assertTrue(j.exists("keep:" + i), "volatile-ttl evicted keep:" + i);
      int firstQuarter = 0;
      for (int i = 0; i < KEYS / 4; i++) if (j.exists("ttl:" + i)) firstQuarter++;
      long left = j.dbSize() - permanent;
      // The survivors are mostly the earliest (longest-lived) keys; random eviction would leave a quarter there.
      assertTrue(firstQuarter > left * 0.6, firstQuarter + " of " + left + " survivors in the first quarter");
    }
  }

  /** noeviction: writes beyond the limit get Redis's OOM error; reads and deletes still work. */
  @Test
  void noevictionRefusesWrites() {
    try (Jedis j = jedis()) {
      long before = info(j, "stats", "evicted_keys");
      long bad = write(j, "k", KEYS, 0, false, null);
      assertTrue(bad > KEYS / 2, "only " + bad + " writes refused");
      long used = info(j, "memory", "used_memory");
      assertTrue(used <= LIMIT + 2 * VALUE * RedlineInstance.SHARDS, "used_memory " + used);
      assertEquals(before, info(j, "stats", "evicted_keys"));
      try {
        j.set("one-more", "v");
        throw new AssertionError("SET accepted over maxmemory");
      } catch (redis.clients.jedis.exceptions.JedisDataException e) {
        assertEquals("OOM command not allowed when used memory > 'maxmemory'.", e.getMessage());
      }
      assertEquals(PAYLOAD, j.get("k:0"));
      assertEquals(1, j.del("k:0"));
    }
  }
}
