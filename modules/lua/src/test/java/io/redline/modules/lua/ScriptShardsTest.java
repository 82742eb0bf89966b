package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which shards a script holds (docs/scripting.md): its declared keys' shards only, so commands on
 * other shards go on while it runs; shards it touches without declaring are taken mid-run — also
 * from a multi-shard transaction that holds one while waiting for the script's own shard — and
 * the script stays atomic under concurrent transactions.
 */
class ScriptShardsTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  /** Spins for ARGV[1] seconds (by TIME), well below busy-reply-threshold, then writes its keys. */
  private static final String SPIN_THEN_SET = """
      local function micros() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end
      local start = micros()
      repeat until micros() - start >= tonumber(ARGV[1]) * 1000000
      redis.call('SET', KEYS[1], 'script')
      return redis.call('SET', ARGV[2], 'script')
      """;

  /** A key (from prefix + n) that lands on {@code shard}. */
  private static String keyOn(String prefix, int shard) {
    for (int i = 0; ; i++) if (redline.shardOf(prefix + i) == shard) return prefix + i;
  }

  @Test
  void commandsOnOtherShardsAnswerWhileAScriptRuns() throws Exception {
    String mine = keyOn("mine:", 0);
    String other = keyOn("other:", 1);
    try (RawClient script = redline.connect(); RawClient reader = redline.connect(); RawClient blocked = redline.connect()) {
      reader.call("SET", other, "free");
      script.readTimeout(20_000);
      script.send("EVAL", SPIN_THEN_SET, "1", mine, "3", mine);
      Thread.sleep(200); // the script is running now
      blocked.send("GET", mine); // its shard is held: answered only after the script
      assertArrayEquals("$4\r\nfree\r\n".getBytes(), reader.call("GET", other));
      byte[] early = script.drain(1);
      assertEquals(0, early.length, "the script had not finished when the other shard answered: " + new String(early));
      assertEquals(0, blocked.drain(1).length, "the script's own shard answered while it ran");
      assertArrayEquals("+OK\r\n".getBytes(), script.readRaw());
      blocked.readTimeout(20_000);
      assertArrayEquals("$6\r\nscript\r\n".getBytes(), blocked.readRaw());
    }
  }

  @Test
  void aScriptBorrowsAShardFromATransactionWaitingForItsOwn() throws Exception {
    String declared = keyOn("decl:", 1);
    String undeclared = keyOn("undecl:", 0);
    try (RawClient script = redline.connect(); RawClient mset = redline.connect()) {
      script.readTimeout(20_000);
      mset.readTimeout(20_000);
      // The script holds shard 1 and, after writing, takes shard 0. The MSET meanwhile holds shard
      // 0 waiting for shard 1: without a loan neither could go on.
      script.send("EVAL", SPIN_THEN_SET, "1", declared, "1", undeclared);
      Thread.sleep(200);
      mset.send("MSET", undeclared, "mset", declared, "mset");
      assertArrayEquals("+OK\r\n".getBytes(), script.readRaw());
      assertArrayEquals("+OK\r\n".getBytes(), mset.readRaw());
      assertArrayEquals("*2\r\n$4\r\nmset\r\n$4\r\nmset\r\n".getBytes(), mset.call("MGET", undeclared, declared),
          "the MSET, queued behind the script on shard 1, ran after it");
    }
  }

  /** Moves ARGV[2] from KEYS[1] (declared) to ARGV[1] (not declared), writing before it touches it. */
  private static final String PAY_FROM_DECLARED = """
      redis.call('DECRBY', KEYS[1], ARGV[2])
      redis.call('INCRBY', ARGV[1], ARGV[2])
      return 1
      """;

  /** The same, reading the undeclared payer first. */
  private static final String PAY_TO_DECLARED = """
      local have = tonumber(redis.call('GET', ARGV[1]))
      redis.call('SET', ARGV[1], have - tonumber(ARGV[2]))
      redis.call('INCRBY', KEYS[1], ARGV[2])
      return 1
      """;

  @Test
  void scriptsTakingShardsLateStayAtomicAmongTransactions() throws Exception {
    String[] wallets = new String[8];
    for (int i = 0; i < wallets.length; i++) wallets[i] = keyOn("purse:" + i + ":", i % RedlineInstance.SHARDS);
    try (RawClient admin = redline.connect()) {
      for (String w : wallets) admin.call("SET", w, "1000");
    }
    long total = 1000L * wallets.length;
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int seed = t;
      writers.add(pool.submit(() -> {
        try (RawClient c = redline.connect()) {
          c.readTimeout(30_000);
          for (int i = 0; i < 300; i++) {
            String a = wallets[(i * 3 + seed) % wallets.length];
            String b = wallets[(i * 5 + seed + 1) % wallets.length];
            if (a.equals(b)) continue;
            String amount = Integer.toString(1 + i % 7);
            switch ((i + seed) % 3) {
              case 0 -> assertArrayEquals(":1\r\n".getBytes(), c.call("EVAL", PAY_FROM_DECLARED, "1", a, b, amount));
              case 1 -> assertArrayEquals(":1\r\n".getBytes(), c.call("EVAL", PAY_TO_DECLARED, "1", a, b, amount));
              default -> {
                c.call("MULTI");
                c.call("DECRBY", a, amount);
                c.call("INCRBY", b, amount);
                assertTrue(new String(c.call("EXEC")).startsWith("*2\r\n"));
              }
            }
          }
        }
        return null;
      }));
    }
    Future<Integer> reader = pool.submit(() -> {
      int reads = 0;
      try (RawClient c = redline.connect()) {
        c.readTimeout(30_000);
        while (!done.get()) {
          assertEquals(total, sum(c.callText(mgetArgs(wallets))), "a reader saw half a transfer");
          reads++;
        }
      }
      return reads;
    });
    for (Future<?> w : writers) w.get(120, TimeUnit.SECONDS);
    done.set(true);
    assertTrue(reader.get(30, TimeUnit.SECONDS) > 0);
    pool.shutdown();
    try (RawClient c = redline.connect()) {
      assertEquals(total, sum(c.callText(mgetArgs(wallets))));
    }
  }

  /**
   * Scripts taking shards late among MULTI/EXEC, MSET and plain commands, and commands without
   * keys (MULTI, PING) on loops whose shard a script holds: every reply is a proper one. Caught a
   * command without keys settling its loop's shard's memory account while a script held it.
   */
  @Test
  void mixedTrafficAroundScriptsNeverFails() throws Exception {
    String script = """
        redis.call('INCR', KEYS[1])
        redis.call('SET', 'mix:u:' .. ARGV[1], ARGV[2])
        redis.call('LPUSH', 'mix:l:' .. ARGV[2], ARGV[1])
        redis.call('LTRIM', 'mix:l:' .. ARGV[2], 0, 3)
        return redis.call('DBSIZE')
        """;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int seed = t;
      work.add(pool.submit(() -> {
        java.util.Random rnd = new java.util.Random(seed);
        try (RawClient c = redline.connect()) {
          c.readTimeout(30_000);
          for (int i = 0; i < 1500; i++) {
            String a = Integer.toString(rnd.nextInt(300));
            String b = Integer.toString(rnd.nextInt(300));
            if (seed < 3) {
              assertTrue(c.callText("EVAL", script, "1", "mix:d:" + a, a, b).startsWith(":"));
            } else if (seed < 5) {
              assertEquals("+OK\r\n", c.callText("MULTI"));
              c.call("SET", "mix:u:" + a, b);
              c.call("INCR", "mix:n:" + b);
              assertTrue(c.callText("EXEC").startsWith("*2\r\n"));
              assertEquals("+OK\r\n", c.callText("MSET", "mix:u:" + b, a, "mix:v:" + a, b));
            } else {
              assertEquals("+PONG\r\n", c.callText("PING"));
              assertTrue(c.callText("GET", "mix:u:" + a).startsWith("$"));
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : work) f.get(120, TimeUnit.SECONDS);
    pool.shutdown();
  }

  private static String[] mgetArgs(String[] keys) {
    String[] a = new String[keys.length + 1];
    a[0] = "MGET";
    System.arraycopy(keys, 0, a, 1, keys.length);
    return a;
  }

  private static long sum(String mgetReply) {
    String[] parts = mgetReply.split("\r\n");
    long sum = 0;
    for (int i = 2; i < parts.length; i += 2) sum += Long.parseLong(parts[i]);
    return sum;
  }
}
