package io.redline.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.resps.Tuple;

/**
 * Scenario: a game leaderboard. 8 client threads, each on its own connection, send about 400k
 * pipelined ZINCRBY of random increments over 100,000 players ("player:n") to one sorted set,
 * while the test sums the same increments into an exact model (every increment is a multiple of
 * 0.5, so sums are exact whatever order they are added in). Afterwards the sorted set must match
 * the model exactly: ZCARD, the top 100 by ZREVRANGE WITHSCORES (score descending, then member
 * descending for equal scores), ZREVRANK and ZSCORE of 1,000 random players (including players
 * never scored, which must be nil), and ZRANGEBYSCORE over inclusive and exclusive score windows
 * (score ascending, then member ascending).
 */
class LeaderboardScenarioTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final String KEY = "leaderboard";
  private static final int PLAYERS = 100_000;
  private static final int THREADS = 8;
  private static final int PER_THREAD = 50_000;
  private static final int BATCH = 1_000;

  /** Redis's ZREVRANGE order: score descending, then member descending (byte order; names are ASCII). */
  private static final Comparator<Map.Entry<String, Double>> REV_ORDER =
      Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
          .thenComparing(Map.Entry::getKey).reversed();

  private Jedis connect() {
    return new Jedis(new HostAndPort("127.0.0.1", redline.port()),
        DefaultJedisClientConfig.builder().timeoutMillis(20_000).build());
  }

  /** Mostly whole numbers 1..100, some halves 0.5..20.5, a few negative whole numbers. */
  private static double increment(Random r) {
    int kind = r.nextInt(20);
    if (kind < 16) return 1 + r.nextInt(100);
    if (kind < 19) return r.nextInt(41) * 0.5 + 0.5;
    return -(1 + r.nextInt(10));
  }

  @Test
  void concurrentZincrbyMatchesExactModel() throws Exception {
    try (Jedis j = connect()) {
      j.del(KEY);
    }
    ConcurrentHashMap<String, Double> model = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final long seed = 1_000L + t;
        futures.add(pool.submit(() -> {
          Random r = new Random(seed);
          try (Jedis j = connect()) {
            Pipeline p = j.pipelined();
            for (int i = 1; i <= PER_THREAD; i++) {
              String member = "player:" + r.nextInt(PLAYERS);
              double inc = increment(r);
              p.zincrby(KEY, inc, member);
              model.merge(member, inc, Double::sum);
              if (i % BATCH == 0) p.sync();
            }
            p.sync();
          }
          return null;
        }));
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "writers hung");
      for (Future<?> f : futures) f.get(); // rethrows a writer's failure (e.g. an error reply)
    } finally {
      pool.shutdownNow();
    }

    List<Map.Entry<String, Double>> ranked = new ArrayList<>(model.entrySet());
    ranked.sort(REV_ORDER);
    Map<String, Integer> rankOf = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) rankOf.put(ranked.get(i).getKey(), i);

    try (Jedis j = connect()) {
      assertEquals(model.size(), j.zcard(KEY), "ZCARD");

      List<Tuple> top = j.zrevrangeWithScores(KEY, 0, 99);
      assertEquals(100, top.size(), "ZREVRANGE 0 99 length");
      for (int i = 0; i < 100; i++) {
        Map.Entry<String, Double> want = ranked.get(i);
        assertEquals(want.getKey(), top.get(i).getElement(), "ZREVRANGE member at " + i);
        assertEquals(want.getValue(), top.get(i).getScore(), 0.0, "ZREVRANGE score at " + i);
      }

      Random r = new Random(42);
      Pipeline p = j.pipelined();
      List<String> probes = new ArrayList<>();
      List<redis.clients.jedis.Response<Long>> ranks = new ArrayList<>();
      List<redis.clients.jedis.Response<Double>> scores = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        String member = "player:" + r.nextInt(PLAYERS);
        probes.add(member);
        ranks.add(p.zrevrank(KEY, member));
        scores.add(p.zscore(KEY, member));
      }
      p.sync();
      int absent = 0;
      for (int i = 0; i < probes.size(); i++) {
        String m = probes.get(i);
        Double want = model.get(m);
        if (want == null) {
          absent++;
          assertNull(ranks.get(i).get(), "ZREVRANK of unscored " + m);
          assertNull(scores.get(i).get(), "ZSCORE of unscored " + m);
        } else {
          assertEquals((long) rankOf.get(m), ranks.get(i).get(), "ZREVRANK " + m);
          assertEquals(want, scores.get(i).get(), 0.0, "ZSCORE " + m);
        }
      }
      assertTrue(absent < 100, "probe should mostly hit scored players, absent=" + absent);

      // Score windows around the middle of the distribution, so each holds many tied scores.
      double mid = ranked.get(ranked.size() / 2).getValue();
      checkWindow(j, ranked, mid - 2, mid + 2, false);
      checkWindow(j, ranked, mid - 2, mid + 2, true);
      checkWindow(j, ranked, mid + 0.5, mid + 0.5, false); // a single score (may be empty)
    }
  }

  /** ZRANGEBYSCORE KEY min max WITHSCORES against the model; exclusive uses "(min" "(max". */
  private static void checkWindow(Jedis j, List<Map.Entry<String, Double>> ranked,
      double min, double max, boolean exclusive) {
    List<Map.Entry<String, Double>> want = new ArrayList<>();
    for (Map.Entry<String, Double> e : ranked) {
      double s = e.getValue();
      boolean in = exclusive ? (s > min && s < max) : (s >= min && s <= max);
      if (in) want.add(e);
    }
    want.sort(REV_ORDER.reversed()); // ascending score, then ascending member
    String lo = (exclusive ? "(" : "") + plain(min);
    String hi = (exclusive ? "(" : "") + plain(max);
    List<Tuple> got = j.zrangeByScoreWithScores(KEY, lo, hi);
    String what = "ZRANGEBYSCORE " + lo + " " + hi;
    assertEquals(want.size(), got.size(), what + " count");
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i).getKey(), got.get(i).getElement(), what + " member at " + i);
      assertEquals(want.get(i).getValue(), got.get(i).getScore(), 0.0, what + " score at " + i);
    }
    if (min != max) assertTrue(want.size() > 100, what + " should be a busy window: " + want.size());
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
