package io.redline.command.transactions;

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

/** MULTI/EXEC/WATCH between clients: invalidation, optimistic locking, atomicity, wake-ups. */
class TransactionTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  @Test
  void anotherClientsWriteMakesExecFail() throws Exception {
    try (RawClient a = redline.connect(); RawClient b = redline.connect()) {
      a.call("SET", "balance", "10");
      assertEquals("+OK\r\n", a.callText("WATCH", "balance", "other-shard-key"));
      b.call("INCRBY", "balance", "5");
      a.call("MULTI");
      a.call("SET", "balance", "0");
      assertEquals("*-1\r\n", a.callText("EXEC"));
      assertEquals("$2\r\n15\r\n", a.callText("GET", "balance"));
    }
  }

  @Test
  void optimisticIncrementsFromManyClientsAddUp() throws Exception {
    String key = "counter";
    try (RawClient setup = redline.connect()) {
      setup.call("SET", key, "0");
    }
    int clients = 8;
    int perClient = 50;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> retries = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      retries.add(pool.submit(() -> {
        int failed = 0;
        try (RawClient r = redline.connect()) {
          for (int i = 0; i < perClient; ) {
            r.call("WATCH", key);
            long v = Long.parseLong(r.callText("GET", key).split("\r\n")[1]);
            r.call("MULTI");
            r.call("SET", key, Long.toString(v + 1));
            if (r.callText("EXEC").equals("*-1\r\n")) failed++;
            else i++;
          }
        }
        return failed;
      }));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "clients finished");
    for (Future<Integer> f : retries) f.get();
    try (RawClient r = redline.connect()) {
      assertEquals("$3\r\n400\r\n", r.callText("GET", key));
    }
  }

  @Test
  void aTransactionOverSeveralShardsIsSeenWholeOrNotAtAll() throws Exception {
    String[] keys = {"acct:1", "acct:2", "acct:3", "acct:4", "acct:5", "acct:6"};
    assertTrue(redline.shardsSpanned(keys) >= 3);
    try (RawClient w = redline.connect(); RawClient r = redline.connect()) {
      for (String k : keys) w.call("SET", k, "100");
      for (int round = 0; round < 200; round++) {
        // Move 10 from one account to the next: the total stays 600 at every instant.
        String from = keys[round % keys.length];
        String to = keys[(round + 1) % keys.length];
        w.sendRaw(RawClient.encode("MULTI"));
        w.sendRaw(RawClient.encode("DECRBY", from, "10"));
        w.sendRaw(RawClient.encode("INCRBY", to, "10"));
        w.sendRaw(RawClient.encode("EXEC"));
        String[] mget = new String[keys.length + 1];
        mget[0] = "MGET";
        System.arraycopy(keys, 0, mget, 1, keys.length);
        String[] parts = r.callText(mget).split("\r\n");
        long total = 0;
        for (int i = 2; i < parts.length; i += 2) total += Long.parseLong(parts[i]);
        assertEquals(600, total, "MGET saw half a transaction");
        for (int i = 0; i < 4; i++) w.readRaw();
      }
    }
  }

  @Test
  void aPushInsideMultiServesAParkedClientAfterExec() throws Exception {
    try (RawClient waiter = redline.connect(); RawClient t = redline.connect(); RawClient admin = redline.connect()) {
      admin.call("DEL", "jobs");
      waiter.send("BLPOP", "jobs", "5");
      for (int i = 0; i < 500 && !admin.callText("INFO", "clients").contains("blocked_clients:1\r\n"); i++) Thread.sleep(10);
      t.call("MULTI");
      t.call("LPUSH", "jobs", "j1");
      t.call("LLEN", "jobs");
      // Redis serves the parked client only after EXEC: inside, LLEN still sees the element.
      assertEquals("*2\r\n:1\r\n:1\r\n", t.callText("EXEC"));
      assertEquals("*2\r\n$4\r\njobs\r\n$2\r\nj1\r\n", new String(waiter.readRaw()));
      assertEquals(":0\r\n", admin.callText("LLEN", "jobs"));
    }
  }
}
