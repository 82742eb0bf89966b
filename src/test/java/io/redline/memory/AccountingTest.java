package io.redline.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The memory account is incremental but must equal a full recount: after a random mix of
 * writes over every type (creating, growing, shrinking, deleting, expiring, renaming, moving,
 * flushing, blocking pops served later), used_memory minus the empty server's share is exactly
 * the sum of MEMORY USAGE over every key (both measure with the same 5 samples).
 */
class AccountingTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private Jedis jedis() { return new Jedis("127.0.0.1", redline.port(), 20_000); }

  private static long info(Jedis j, String field) {
    for (String line : j.info("memory").split("\r\n")) {
      if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1));
    }
    throw new AssertionError(field);
  }

  private static long recount(Jedis j) {
    long sum = 0;
    for (int db = 0; db < 16; db++) {
      j.select(db);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> r = j.scan(cursor, new ScanParams().count(1000));
        for (String k : r.getResult()) {
          Long u = j.memoryUsage(k);
          if (u != null) sum += u;
        }
        cursor = r.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
    j.select(0);
    return sum;
  }

  private static void assertBalanced(Jedis j) {
    long dataset = info(j, "used_memory") - info(j, "used_memory_startup");
    assertEquals(recount(j), dataset);
  }

  @Test
  void incrementalAccountEqualsARecount() {
    try (Jedis j = jedis()) {
      j.flushAll();
      assertEquals(0, info(j, "used_memory_dataset"));
      Random r = new Random(7);
      for (int i = 0; i < 3000; i++) {
        String k = "k" + r.nextInt(200);
        String v = "v".repeat(r.nextInt(100));
        try {
          switch (r.nextInt(16)) {
            case 0 -> j.set(k, v);
            case 1 -> j.append(k, v);
            case 2 -> j.incrBy("n" + r.nextInt(20), r.nextInt(1_000_000));
            case 3 -> j.hset("h" + r.nextInt(20), "f" + r.nextInt(50), v);
            case 4 -> j.hdel("h" + r.nextInt(20), "f" + r.nextInt(50));
            case 5 -> j.rpush("l" + r.nextInt(20), v, v + "x");
            case 6 -> j.lpop("l" + r.nextInt(20));
            case 7 -> j.sadd("s" + r.nextInt(20), v, "" + r.nextInt(1000));
            case 8 -> j.srem("s" + r.nextInt(20), v);
            case 9 -> j.zadd("z" + r.nextInt(20), r.nextDouble(), v + r.nextInt(300));
            case 10 -> j.del(k);
            case 11 -> j.expire(k, 1000);
            case 12 -> j.rename(k, "k" + r.nextInt(200));
            case 13 -> j.move(k, 1);
            case 14 -> j.setrange(k, r.nextInt(50), v);
            default -> j.persist(k);
          }
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
          // WRONGTYPE and "no such key" are part of the mix
        }
      }
      assertTrue(info(j, "used_memory_dataset") > 0);
      assertBalanced(j);
      // Expiry (lazy and active) and a served blocking pop.
      j.psetex("short", 1, "gone");
      try (Jedis waiter = jedis()) {
        Thread t = new Thread(() -> waiter.blpop(5, "queue"));
        t.start();
        while (!j.info("clients").contains("blocked_clients:1")) Thread.sleep(5);
        j.rpush("queue", "item");
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      j.get("short");
      assertBalanced(j);
      j.select(1);
      j.flushDB();
      j.select(0);
      j.swapDB(0, 2);
      assertBalanced(j);
      j.flushAll();
      assertEquals(0, info(j, "used_memory_dataset"));
    }
  }

  @Test
  void memoryStatsAndDoctorAnswer() {
    try (Jedis j = jedis()) {
      j.flushAll();
      j.set("a", "b");
      Object stats = j.sendCommand(redis.clients.jedis.Protocol.Command.MEMORY, "STATS");
      List<?> flat = (List<?>) stats;
      assertTrue(flat.size() > 10);
      String doctor = j.memoryDoctor();
      assertTrue(doctor.startsWith("Hi Sam, this instance is empty"), doctor);
      assertTrue(j.memoryUsage("a") > 0);
      Map<String, String> cfg = j.configGet("maxmemory-policy");
      assertEquals("noeviction", cfg.get("maxmemory-policy"));
    }
  }
}
