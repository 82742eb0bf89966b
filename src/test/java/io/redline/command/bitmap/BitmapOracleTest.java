package io.redline.command.bitmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
 * Random bitmap commands against a real redis-server: BITCOUNT/BITPOS over random ranges and
 * units, BITFIELD with random types, offsets, values near every limit and all overflow modes, and
 * BITOP over random strings; every reply must be identical. Skipped, with the reason printed,
 * where no redis-server is installed. The seed is printed so a failure can be replayed.
 */
class BitmapOracleTest {
  @RegisterExtension
  static final RedisOracle REDIS = new RedisOracle();

  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static final String[] KEYS = {"a", "b", "c", "{x}d", "{x}e"};
  private RawClient redis;
  private RawClient redline;
  private long seed;
  private Random rnd;

  @BeforeEach
  void connect() throws IOException {
    redis = REDIS.connect();
    redline = REDLINE.connect();
    seed = System.nanoTime();
    System.out.println("BitmapOracleTest seed " + seed);
    rnd = new Random(seed);
    same("FLUSHALL");
  }

  @AfterEach
  void close() {
    redis.close();
    redline.close();
  }

  @Test
  void rangesMatch() throws IOException {
    for (int round = 0; round < 300; round++) {
      String key = KEYS[rnd.nextInt(KEYS.length)];
      same(b("SET"), b(key), randomBytes());
      for (int i = 0; i < 10; i++) {
        List<String> c = new ArrayList<>();
        boolean count = rnd.nextBoolean();
        c.add(count ? "BITCOUNT" : "BITPOS");
        c.add(key);
        if (!count) c.add(Integer.toString(rnd.nextInt(2)));
        int extra = rnd.nextInt(4);
        if (extra >= 1) c.add(Integer.toString(index()));
        if (extra >= 2 || (count && extra == 1)) c.add(Integer.toString(index()));
        if (extra == 3) c.add(rnd.nextBoolean() ? "BIT" : "BYTE");
        same(c.toArray(new String[0]));
      }
    }
  }

  @Test
  void bitfieldMatches() throws IOException {
    String[] modes = {"WRAP", "SAT", "FAIL"};
    for (int round = 0; round < 2000; round++) {
      List<String> c = new ArrayList<>(List.of("BITFIELD", KEYS[rnd.nextInt(KEYS.length)]));
      int ops = 1 + rnd.nextInt(4);
      for (int i = 0; i < ops; i++) {
        if (rnd.nextInt(4) == 0) c.addAll(List.of("OVERFLOW", modes[rnd.nextInt(3)]));
        boolean signed = rnd.nextBoolean();
        int bits = 1 + rnd.nextInt(signed ? 64 : 63);
        String type = (signed ? "i" : "u") + bits;
        String offset = rnd.nextInt(5) == 0 ? "#" + rnd.nextInt(8) : Integer.toString(rnd.nextInt(100));
        switch (rnd.nextInt(3)) {
          case 0 -> c.addAll(List.of("GET", type, offset));
          case 1 -> c.addAll(List.of("SET", type, offset, Long.toString(value(signed, bits))));
          default -> c.addAll(List.of("INCRBY", type, offset, Long.toString(value(signed, bits))));
        }
      }
      same(c.toArray(new String[0]));
      if (rnd.nextInt(20) == 0) same("GET", c.get(1));
    }
  }

  @Test
  void bitopMatches() throws IOException {
    String[] ops = {"AND", "OR", "XOR", "NOT"};
    for (int round = 0; round < 300; round++) {
      for (String k : KEYS) {
        if (rnd.nextInt(4) == 0) same("DEL", k);
        else same(b("SET"), b(k), randomBytes());
      }
      String op = ops[rnd.nextInt(4)];
      List<String> c = new ArrayList<>(List.of("BITOP", op, KEYS[rnd.nextInt(KEYS.length)]));
      int n = op.equals("NOT") ? 1 : 1 + rnd.nextInt(4);
      for (int i = 0; i < n; i++) c.add(KEYS[rnd.nextInt(KEYS.length)]);
      same(c.toArray(new String[0]));
      same("GET", c.get(2));
    }
  }

  /** A value near the field's limits, or anywhere in 64 bits. */
  private long value(boolean signed, int bits) {
    long max = signed ? (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1) : (1L << bits) - 1;
    long min = signed ? -max - 1 : 0;
    return switch (rnd.nextInt(6)) {
      case 0 -> max + rnd.nextInt(5) - 2;
      case 1 -> min + rnd.nextInt(5) - 2;
      case 2 -> rnd.nextLong();
      case 3 -> rnd.nextBoolean() ? Long.MIN_VALUE + rnd.nextInt(300) : Long.MAX_VALUE - rnd.nextInt(300);
      default -> rnd.nextInt(2001) - 1000;
    };
  }

  private int index() {
    return rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) : rnd.nextInt(200) - 60;
  }

  private byte[] randomBytes() {
    byte[] v = new byte[rnd.nextInt(20)];
    for (int i = 0; i < v.length; i++) {
      int k = rnd.nextInt(4);
      v[i] = (byte) (k == 0 ? 0 : k == 1 ? 0xff : rnd.nextInt(256));
    }
    return v;
  }

  private void same(String... args) throws IOException {
    byte[][] b = new byte[args.length][];
    for (int i = 0; i < args.length; i++) b[i] = b(args[i]);
    same(b);
  }

  private void same(byte[]... args) throws IOException {
    byte[] expected = redis.call(args);
    byte[] actual = redline.call(args);
    assertArrayEquals(expected, actual, () -> describe(args) + " (seed " + seed + "): redis "
        + Escape.reply(expected) + " redline " + Escape.reply(actual));
  }

  private static String describe(byte[][] args) {
    StringBuilder s = new StringBuilder();
    for (byte[] a : args) s.append(s.length() == 0 ? "" : " ").append(Escape.bytes(a));
    return s.toString();
  }

  private static byte[] b(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
