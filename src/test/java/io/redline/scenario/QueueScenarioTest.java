package io.redline.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Scenario: work queues. (1) 6 queues spread over at least 3 shards, 4 producers RPUSHing 2,500
 * unique items each (single and multi-element pushes) while 8 consumers loop on
 * BLPOP q0..q5 1 (each in a different rotation of the queues): every item is delivered exactly
 * once, from the queue it was pushed to, and all queues end empty. (2) 20 consumers parked in
 * BLPOP on one queue with timeout 0, then 20 single RPUSHes: each consumer gets exactly one
 * distinct item.
 */
class QueueScenarioTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final int PRODUCERS = 4;
  private static final int ITEMS_PER_PRODUCER = 2_500;
  private static final int CONSUMERS = 8;

  private Jedis connect() {
    return new Jedis(new HostAndPort("127.0.0.1", redline.port()),
        DefaultJedisClientConfig.builder().timeoutMillis(20_000).build());
  }

  /** 6 queue names, at most 2 per shard, so they span at least 3 of the 4 shards. */
  private String[] pickQueues() {
    List<String> names = new ArrayList<>();
    Map<Integer, Integer> perShard = new HashMap<>();
    for (int i = 0; names.size() < 6; i++) {
      String name = "queue:" + i;
      int shard = redline.shardOf(name);
      if (perShard.merge(shard, 1, Integer::sum) <= 2) names.add(name);
    }
    String[] queues = names.toArray(new String[0]);
    assertTrue(redline.shardsSpanned(queues) >= 3, "queues should span >= 3 shards");
    return queues;
  }

  @Test
  void producersAndConsumersAcrossShardsDeliverEachItemExactlyOnce() throws Exception {
    String[] queues = pickQueues();
    int total = PRODUCERS * ITEMS_PER_PRODUCER;
    Map<String, String> pushedTo = new ConcurrentHashMap<>();   // item -> queue it was pushed to
    Map<String, String> receivedFrom = new ConcurrentHashMap<>(); // item -> queue BLPOP named
    List<String> duplicates = new CopyOnWriteArrayList<>();
    AtomicInteger received = new AtomicInteger();
    List<Jedis> conns = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CONSUMERS; c++) {
        String[] order = new String[queues.length];
        for (int k = 0; k < queues.length; k++) order[k] = queues[(k + c) % queues.length];
        Jedis j = connect();
        conns.add(j);
        futures.add(pool.submit(() -> {
          while (true) {
            List<String> kv = j.blpop(1, order);
            if (kv == null) {
              if (received.get() >= total) return null;
              continue;
            }
            assertEquals(2, kv.size(), "BLPOP reply " + kv);
            if (receivedFrom.putIfAbsent(kv.get(1), kv.get(0)) != null) duplicates.add(kv.get(1));
            received.incrementAndGet();
          }
        }));
      }
      for (int p = 0; p < PRODUCERS; p++) {
        final int producer = p;
        Jedis j = connect();
        conns.add(j);
        futures.add(pool.submit(() -> {
          Random r = new Random(7_000L + producer);
          int seq = 0;
          while (seq < ITEMS_PER_PRODUCER) {
            String q = queues[r.nextInt(queues.length)];
            int n = r.nextInt(3) == 0 ? Math.min(1 + r.nextInt(8), ITEMS_PER_PRODUCER - seq) : 1;
            String[] items = new String[n];
            for (int i = 0; i < n; i++) {
              items[i] = "p" + producer + "-" + seq++;
              pushedTo.put(items[i], q);
            }
            assertTrue(j.rpush(q, items) >= 1, "RPUSH length");
          }
          return null;
        }));
      }
      pool.shutdown();
      if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
        Set<String> missing = new HashSet<>(pushedTo.keySet());
        missing.removeAll(receivedFrom.keySet());
        throw new AssertionError("hung: received " + received.get() + " of " + total
            + ", duplicates " + duplicates.size() + ", missing e.g. "
            + missing.stream().limit(10).toList());
      }
      for (Future<?> f : futures) f.get(); // rethrows a client's failure
    } finally {
      for (Jedis j : conns) j.close(); // also unblocks a consumer parked in BLPOP
      pool.shutdownNow();
    }

    assertEquals(total, pushedTo.size(), "items pushed");
    assertEquals(List.of(), duplicates, "items delivered more than once");
    Set<String> missing = new HashSet<>(pushedTo.keySet());
    missing.removeAll(receivedFrom.keySet());
    assertEquals(Set.of(), missing, "items never delivered");
    assertEquals(total, received.get(), "deliveries");
    assertEquals(pushedTo, receivedFrom, "each item must come from the queue it was pushed to");
    try (Jedis j = connect()) {
      for (String q : queues) assertEquals(0, j.llen(q), "LLEN " + q);
    }
  }

  @Test
  void twentyParkedConsumersEachGetOneDistinctItem() throws Exception {
    String queue = "single-queue";
    int n = 20;
    List<Jedis> conns = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try (Jedis producer = connect()) {
      producer.del(queue);
      List<Future<List<String>>> got = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        Jedis j = connect();
        conns.add(j);
        got.add(pool.submit(() -> j.blpop(0, queue)));
      }
      // Wait until all 20 are parked, so the pushes exercise the wake-up path.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int blocked;
      while ((blocked = blockedClients(producer)) < n && System.nanoTime() < deadline) Thread.sleep(10);
      assertEquals(n, blocked, "INFO clients blocked_clients before pushing");

      for (int i = 0; i < n; i++) producer.rpush(queue, "item-" + i);
      pool.shutdown();
      assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS), "a parked consumer was never served");

      Set<String> items = new HashSet<>();
      for (Future<List<String>> f : got) {
        List<String> kv = f.get();
        assertNotNull(kv, "BLPOP with timeout 0 returned nil");
        assertEquals(List.of(queue, kv.get(1)), kv, "BLPOP reply");
        assertTrue(items.add(kv.get(1)), "item delivered twice: " + kv.get(1));
      }
      Set<String> want = new HashSet<>();
      for (int i = 0; i < n; i++) want.add("item-" + i);
      assertEquals(want, items, "items delivered");
      assertEquals(0, producer.llen(queue), "LLEN after");
      assertEquals(0, blockedClients(producer), "blocked_clients after");
    } finally {
      for (Jedis j : conns) j.close();
      pool.shutdownNow();
    }
  }

  private static int blockedClients(Jedis j) {
    Matcher m = Pattern.compile("blocked_clients:(\\d+)").matcher(j.info("clients"));
    assertTrue(m.find(), "INFO clients has no blocked_clients");
    return Integer.parseInt(m.group(1));
  }
}
