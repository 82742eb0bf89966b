package io.redline.modules.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Scenario: a job queue on a stream, with Jedis. 3 producers XADD 1,000 jobs each while a
 * consumer group of 10 workers XREADGROUP (BLOCK) and XACK them. Worker 0 stops after its third
 * batch, leaving that batch pending and unprocessed (as if its process died); the other workers
 * take such jobs over with XAUTOCLAIM once they have been idle long enough. Every job is processed
 * exactly once, none is lost, and nothing is pending at the end.
 */
class JobQueueScenarioTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final String STREAM = "jobs";
  private static final String GROUP = "workers";
  private static final int PRODUCERS = 3;
  private static final int JOBS_PER_PRODUCER = 1_000;
  private static final int WORKERS = 10;
  private static final int TOTAL = PRODUCERS * JOBS_PER_PRODUCER;
  private static final long CLAIM_MIN_IDLE_MS = 200;

  private Jedis connect() {
    return new Jedis(new HostAndPort("127.0.0.1", redline.port()),
        DefaultJedisClientConfig.builder().timeoutMillis(20_000).build());
  }

  @Test
  void everyJobIsProcessedOnceEvenWhenAWorkerDiesWithJobsPending() throws Exception {
    try (Jedis admin = connect()) {
      admin.del(STREAM);
      admin.xgroupCreate(STREAM, GROUP, new StreamEntryID(0, 0), true);
    }
    Set<String> produced = ConcurrentHashMap.newKeySet();           // job names sent
    Map<String, String> processedBy = new ConcurrentHashMap<>();     // job -> worker that did it
    List<String> duplicates = new CopyOnWriteArrayList<>();
    AtomicInteger claimed = new AtomicInteger();                     // jobs taken over by XAUTOCLAIM
    List<StreamEntryID> abandoned = new CopyOnWriteArrayList<>();   // what worker 0 left pending
    ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + WORKERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        String name = "w" + w;
        boolean dies = w == 0;
        futures.add(pool.submit(() -> {
          work(name, dies, processedBy, duplicates, claimed, abandoned);
          return null;
        }));
      }
      for (int p = 0; p < PRODUCERS; p++) {
        int producer = p;
        futures.add(pool.submit(() -> {
          try (Jedis j = connect()) {
            for (int i = 0; i < JOBS_PER_PRODUCER; i++) {
              String job = "p" + producer + "-" + i;
              j.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of("job", job, "payload", "x".repeat(i % 50)));
              produced.add(job);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertEquals(TOTAL, produced.size());
    assertEquals(List.of(), duplicates, "a job was processed twice");
    assertEquals(produced, processedBy.keySet(), "every job produced is processed, none lost");
    assertTrue(!abandoned.isEmpty(), "worker 0 left jobs pending");
    assertTrue(claimed.get() >= abandoned.size(), "the abandoned jobs were taken over with XAUTOCLAIM");
    try (Jedis admin = connect()) {
      for (StreamEntryID id : abandoned) {
        String job = admin.xrange(STREAM, id, id).get(0).getFields().get("job");
        assertTrue(!processedBy.get(job).equals("w0"), job + " was processed by another worker");
      }
      assertEquals(0, admin.xpending(STREAM, GROUP).getTotal(), "nothing pending at the end");
      assertEquals(TOTAL, admin.xlen(STREAM));
      StreamGroupInfo g = admin.xinfoGroups(STREAM).get(0);
      assertEquals(WORKERS, g.getConsumers());
      assertEquals(0L, g.getGroupInfo().get("lag"), "the group has read everything");
      assertEquals((long) TOTAL, g.getGroupInfo().get("entries-read"));
    }
  }

  /**
   * One worker: read new jobs (blocking briefly), process and acknowledge them; when idle, take
   * over jobs others left pending too long. The dying worker reads its third batch and leaves.
   */
  private void work(String name, boolean dies, Map<String, String> processedBy, List<String> duplicates,
                    AtomicInteger claimed, List<StreamEntryID> abandoned) {
    try (Jedis j = connect()) {
      StreamEntryID cursor = new StreamEntryID(0, 0);
      int batches = 0;
      while (processedBy.size() < TOTAL) {
        List<Map.Entry<String, List<StreamEntry>>> got = j.xreadGroup(GROUP, name,
            XReadGroupParams.xReadGroupParams().count(10).block(100),
            Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        List<StreamEntry> entries = got == null || got.isEmpty() ? List.of() : got.get(0).getValue();
        if (!entries.isEmpty() && dies && ++batches == 3) {
          for (StreamEntry e : entries) abandoned.add(e.getID());
          return; // gone without processing or acknowledging this batch
        }
        process(j, name, entries, processedBy, duplicates);
        if (entries.isEmpty() && !dies) {
          Map.Entry<StreamEntryID, List<StreamEntry>> c = j.xautoclaim(STREAM, GROUP, name, CLAIM_MIN_IDLE_MS, cursor,
              XAutoClaimParams.xAutoClaimParams().count(10));
          cursor = c.getKey();
          claimed.addAndGet(c.getValue().size());
          process(j, name, c.getValue(), processedBy, duplicates);
        }
      }
    }
  }

  private static void process(Jedis j, String worker, List<StreamEntry> entries, Map<String, String> processedBy,
                              List<String> duplicates) {
    if (entries.isEmpty()) return;
    List<StreamEntryID> done = new ArrayList<>();
    for (StreamEntry e : entries) {
      String job = e.getFields().get("job");
      if (processedBy.putIfAbsent(job, worker) != null) duplicates.add(job + " by " + worker);
      done.add(e.getID());
    }
    j.xack(STREAM, GROUP, done.toArray(new StreamEntryID[0]));
  }
}
