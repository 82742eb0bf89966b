package io.redline.command.hll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HyperLogLog against a real redis-server, with random elements: PFCOUNT over 100k elements must
 * give the same numbers, and the stored sketches (GET) the same bytes, at every checkpoint, for
 * single keys, unions across shards and PFMERGE. Without a redis-server the tests are skipped,
 * with the reason printed. Seeds are printed so a failure can be replayed.
 */
class HllOracleTest {
  @RegisterExtension
  static final RedisOracle REDIS = new RedisOracle();

  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private RawClient redis;
  private RawClient redline;

  @BeforeEach
  void connect() throws IOException {
    redis = REDIS.connect();
    redline = REDLINE.connect();
    both("FLUSHALL");
    both("CONFIG", "SET", "hll-sparse-max-bytes", "3000");
  }

  @AfterEach
  void close() throws IOException {
    both("CONFIG", "SET", "hll-sparse-max-bytes", "3000");
    redis.close();
    redline.close();
  }

  @Test
  void countsOfOneHundredThousandRandomElementsMatch() throws IOException {
    long seed = System.nanoTime();
    System.out.println("HllOracleTest seed " + seed);
    Random rnd = new Random(seed);
    int total = 100_000;
    int batch = 500;
    for (int added = 0; added < total; added += batch) {
      List<byte[]> cmd = new ArrayList<>();
      cmd.add(b("PFADD"));
      cmd.add(b("big"));
      for (int i = 0; i < batch; i++) cmd.add(randomElement(rnd));
      byte[][] args = cmd.toArray(new byte[0][]);
      assertArrayEquals(redis.call(args), redline.call(args), "PFADD at " + added + ", seed " + seed);
      int n = added + batch;
      if (n <= 5000 || n % 10_000 == 0) {
        assertSame(seed, "PFCOUNT", "big");
        assertSame(seed, "GET", "big");
      }
    }
    assertSame(seed, "PFCOUNT", "big");
  }

  @Test
  void unionsAndMergesOverShardsMatch() throws IOException {
    long seed = System.nanoTime();
    System.out.println("HllOracleTest seed " + seed);
    Random rnd = new Random(seed);
    String[] keys = {"k1", "k2", "k3", "k4", "k5", "k6"};
    for (int k = 0; k < keys.length; k++) {
      int n = 1 + rnd.nextInt(k < 3 ? 800 : 6000);
      for (int i = 0; i < n; i++) both("PFADD", keys[k], "e" + rnd.nextInt(20_000));
      assertSame(seed, "GET", keys[k]);
    }
    assertSame(seed, "PFCOUNT", "k1", "k2", "k3");
    assertSame(seed, "PFCOUNT", "k1", "k2", "k3", "k4", "k5", "k6", "missing");
    assertSame(seed, "PFMERGE", "m1", "k1", "k2");
    assertSame(seed, "GET", "m1");
    assertSame(seed, "PFMERGE", "m2", "k1", "k2", "k3", "k4", "k5", "k6");
    assertSame(seed, "GET", "m2");
    assertSame(seed, "PFCOUNT", "m2");
    assertSame(seed, "PFMERGE", "k1", "k3");
    assertSame(seed, "GET", "k1");
  }

  /** Many small sketches, compared after every PFADD: exercises every sparse rewrite path. */
  @Test
  void sparseRewritesMatchByteForByte() throws IOException {
    long seed = System.nanoTime();
    System.out.println("HllOracleTest seed " + seed);
    Random rnd = new Random(seed);
    for (int round = 0; round < 40; round++) {
      String max = String.valueOf(rnd.nextInt(4) == 0 ? 20 + rnd.nextInt(400) : 3000);
      both("CONFIG", "SET", "hll-sparse-max-bytes", max);
      String key = "s" + round;
      int adds = 1 + rnd.nextInt(120);
      for (int i = 0; i < adds; i++) {
        List<String> cmd = new ArrayList<>(List.of("PFADD", key));
        int n = rnd.nextInt(12);
        // A small element space makes neighbouring registers and repeats likely.
        for (int j = 0; j < n; j++) cmd.add(Integer.toString(rnd.nextInt(round % 2 == 0 ? 3000 : 200_000)));
        assertSame(seed, cmd.toArray(new String[0]));
        assertSame(seed, "GET", key);
        if (rnd.nextInt(10) == 0) assertSame(seed, "PFCOUNT", key);
      }
    }
  }

  private static byte[] randomElement(Random rnd) {
    byte[] e = new byte[rnd.nextInt(24)];
    rnd.nextBytes(e);
    return e;
  }

  private void assertSame(long seed, String... args) throws IOException {
    byte[] expected = redis.call(args);
    byte[] actual = redline.call(args);
    assertArrayEquals(expected, actual, () -> String.join(" ", args) + " (seed " + seed + "): redis "
        + Escape.reply(expected) + " redline " + Escape.reply(actual));
  }

  private void both(String... args) throws IOException {
    String r1 = new String(redis.call(args), StandardCharsets.ISO_8859_1);
    String r2 = new String(redline.call(args), StandardCharsets.ISO_8859_1);
    assertEquals(r1, r2, String.join(" ", args));
  }

  private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
