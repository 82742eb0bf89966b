package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flash sale: 10,000 units, 200 clients buying through one EVALSHA script that checks stock,
 * decrements it and records the buyer (an undeclared key on another shard). Exactly 10,000
 * purchases succeed, stock ends at 0 and is never negative.
 */
class SeckillScenarioTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final String BUY = """
      local stock = tonumber(redis.call('GET', KEYS[1]))
      if stock == nil or stock <= 0 then return 0 end
      redis.call('DECR', KEYS[1])
      redis.call('INCR', 'sold:' .. ARGV[1])
      return 1
      """;

  @Test
  void exactlyTheStockIsSold() throws Exception {
    String sha;
    try (RawClient admin = redline.connect()) {
      admin.call("SET", "stock", "10000");
      sha = admin.callText("SCRIPT", "LOAD", BUY).split("\r\n")[1];
    }
    int clients = 200;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> bought = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int id = c;
      bought.add(pool.submit(() -> {
        int ok = 0;
        try (RawClient r = redline.connect()) {
          for (int i = 0; i < 60; i++) {
            if (r.callText("EVALSHA", sha, "1", "stock", Integer.toString(id % 7)).equals(":1\r\n")) ok++;
          }
        }
        return ok;
      }));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "buyers finished");
    int total = 0;
    for (Future<Integer> f : bought) total += f.get();
    assertEquals(10000, total);
    try (RawClient admin = redline.connect()) {
      assertEquals("$1\r\n0\r\n", admin.callText("GET", "stock"));
      long sold = 0;
      for (int k = 0; k < 7; k++) {
        String[] parts = admin.callText("GET", "sold:" + k).split("\r\n");
        sold += Long.parseLong(parts[1]);
      }
      assertEquals(10000, sold, "the per-buyer counters, on other shards, agree with the stock");
    }
  }
}
