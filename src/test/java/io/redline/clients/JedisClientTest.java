package io.redline.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * Jedis 8 over real TCP, RESP2 and RESP3, against Redline and (as a check on the test itself)
 * against redis-server: its connect handshake, string commands, keys spread over all shards,
 * and a pipeline of 1,000 mixed commands whose replies must come back in order.
 */
class JedisClientTest {
  /** Keys a..h: CRC16 puts them on all four of Redline's shards (checked in {@link #keysSpanShards}). */
  private static final String[] SPREAD = {"a", "b", "c", "d", "e", "f", "g", "h"};
  private static Target target;

  @BeforeAll
  static void start() {
    target = new Target();
  }

  @AfterAll
  static void stop() {
    if (target != null) target.close();
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("redline", RedisProtocol.RESP2), Arguments.of("redline", RedisProtocol.RESP3),
        Arguments.of("redis", RedisProtocol.RESP2), Arguments.of("redis", RedisProtocol.RESP3));
  }

  private static Jedis connect(String server, RedisProtocol protocol) {
    Jedis j = new Jedis(new HostAndPort("127.0.0.1", target.port(server)),
        DefaultJedisClientConfig.builder().protocol(protocol).timeoutMillis(10_000).build());
    j.flushAll();
    return j;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void keysSpanShards(String server, RedisProtocol protocol) {
    assertEquals(4, target.redline().shardsSpanned(SPREAD), "a..h should cover every shard");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void handshakeNegotiatesProtocolAndLeavesNothingPending(String server, RedisProtocol protocol) {
    try (Jedis j = connect(server, protocol)) {
      assertEquals("PONG", j.ping());
      assertEquals("hello", j.echo("hello"));
      String info = j.clientInfo();
      String resp = protocol == RedisProtocol.RESP3 ? "3" : "2";
      assertTrue(info.matches("(?s).*\\bresp=" + resp + "\\b.*"), "CLIENT INFO: " + info);
      // CLIENT SETINFO is Redis 7.2+; where the server keeps it, it must be Jedis's name.
      if (info.contains("lib-name=")) assertTrue(info.contains("lib-name=jedis"), "CLIENT INFO: " + info);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void setWithOptionsAndGet(String server, RedisProtocol protocol) {
    try (Jedis j = connect(server, protocol)) {
      assertNull(j.get("k"));
      assertEquals("OK", j.set("k", "v1"));
      assertEquals("v1", j.get("k"));
      assertNull(j.set("k", "v2", SetParams.setParams().nx()));
      assertEquals("v1", j.get("k"));
      assertEquals("OK", j.set("k", "v2", SetParams.setParams().xx()));
      assertNull(j.set("missing", "x", SetParams.setParams().xx()));
      assertNull(j.get("missing"));
      assertEquals("v2", j.setGet("k", "v3"));
      assertNull(j.setGet("fresh", "x"));
      assertEquals("OK", j.set("k", "v4", SetParams.setParams().ex(100)));
      long ttl = j.ttl("k");
      assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
      assertEquals("OK", j.set("k", "v5", SetParams.setParams().keepTtl()));
      assertTrue(j.ttl("k") > 90, "KEEPTTL kept the ttl");
      assertEquals("OK", j.set("k", "v6"));
      assertEquals(-1, j.ttl("k"), "plain SET clears the ttl");
      // SetParams keeps one of NX/XX, so the conflicting pair goes out as a raw command.
      JedisDataException e = assertThrows(JedisDataException.class, () -> j.sendCommand(Protocol.Command.SET, "k", "v", "NX", "XX"));
      assertEquals("ERR syntax error", e.getMessage());
      assertEquals("v6", j.getDel("k"));
      assertNull(j.get("k"));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void counters(String server, RedisProtocol protocol) {
    try (Jedis j = connect(server, protocol)) {
      assertEquals(1, j.incr("n"));
      assertEquals(11, j.incrBy("n", 10));
      assertEquals(10, j.decr("n"));
      assertEquals(-5, j.decrBy("n", 15));
      assertEquals("-5", j.get("n"));
      assertEquals(2.5, j.incrByFloat("f", 2.5));
      j.set("s", "abc");
      JedisDataException e = assertThrows(JedisDataException.class, () -> j.incr("s"));
      assertEquals("ERR value is not an integer or out of range", e.getMessage());
      j.set("max", String.valueOf(Long.MAX_VALUE));
      e = assertThrows(JedisDataException.class, () -> j.incr("max"));
      assertEquals("ERR increment or decrement would overflow", e.getMessage());
      assertEquals(6, j.append("s", "def"));
      assertEquals(6, j.strlen("s"));
      assertEquals("bcd", j.getrange("s", 1, 3));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void multiKeyCommandsAcrossShards(String server, RedisProtocol protocol) {
    try (Jedis j = connect(server, protocol)) {
      String[] kv = new String[SPREAD.length * 2];
      for (int i = 0; i < SPREAD.length; i++) {
        kv[2 * i] = SPREAD[i];
        kv[2 * i + 1] = "v-" + SPREAD[i];
      }
      assertEquals("OK", j.mset(kv));
      List<String> expected = new ArrayList<>();
      for (String k : SPREAD) expected.add("v-" + k);
      assertEquals(expected, j.mget(SPREAD));
      assertEquals(Arrays.asList("v-a", null, "v-h", null), j.mget("a", "nope", "h", "nope2"));
      assertEquals(8, j.exists(SPREAD));
      assertEquals(0, j.msetnx("a", "x", "zz", "y"), "MSETNX with one existing key sets nothing");
      assertNull(j.get("zz"));
      assertEquals(1, j.msetnx("yy", "x", "zz", "y"));
      assertEquals(4, j.del("a", "c", "e", "g"));
      assertEquals(Arrays.asList(null, "v-b", null, "v-d"), j.mget("a", "b", "c", "d"));
      assertEquals(4, j.del("b", "d", "f", "h", "a"));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void expiry(String server, RedisProtocol protocol) throws InterruptedException {
    try (Jedis j = connect(server, protocol)) {
      assertEquals(-2, j.ttl("none"));
      assertEquals(0, j.expire("none", 10));
      j.set("k", "v");
      assertEquals(-1, j.ttl("k"));
      assertEquals(1, j.expire("k", 100));
      long ttl = j.ttl("k");
      assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
      long pttl = j.pttl("k");
      assertTrue(pttl > 90_000 && pttl <= 100_000, "pttl " + pttl);
      assertEquals(1, j.persist("k"));
      assertEquals(-1, j.ttl("k"));
      assertEquals(1, j.pexpire("k", 50));
      Thread.sleep(120);
      assertNull(j.get("k"), "expired after 50 ms");
      assertEquals(-2, j.ttl("k"));
      j.set("neg", "v");
      assertEquals(1, j.expire("neg", -1), "a negative ttl deletes the key");
      assertEquals(false, j.exists("neg"));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void binarySafety(String server, RedisProtocol protocol) {
    try (Jedis j = connect(server, protocol)) {
      byte[] key = {0, 1, '\r', '\n', (byte) 0xff};
      byte[] value = new byte[70_000];
      for (int i = 0; i < value.length; i++) value[i] = (byte) (i * 7);
      assertEquals("OK", j.set(key, value));
      assertArrayEquals(value, j.get(key));
      assertEquals(value.length, j.strlen(key));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void pipelineOfAThousandMixedCommandsAnswersInOrder(String server, RedisProtocol protocol) {
    try (Jedis j = connect(server, protocol)) {
      Pipeline p = j.pipelined();
      List<Response<?>> responses = new ArrayList<>();
      List<Object> expected = new ArrayList<>();
      long[] counters = new long[7];
      for (int i = 0; i < 1000; i++) {
        String k = "p:" + i;
        switch (i % 5) {
          case 0 -> { responses.add(p.set(k, "v" + i)); expected.add("OK"); }
          case 1 -> { responses.add(p.get("p:" + (i - 1))); expected.add("v" + (i - 1)); }
          case 2 -> { int c = i % 7; responses.add(p.incr("ctr:" + c)); expected.add(++counters[c]); }
          case 3 -> { responses.add(p.del("p:" + (i - 3), k)); expected.add(1L); }
          default -> { responses.add(p.exists("p:" + (i - 4))); expected.add(false); }
        }
      }
      p.sync();
      for (int i = 0; i < responses.size(); i++) assertEquals(expected.get(i), responses.get(i).get(), "reply " + i);
      assertEquals("PONG", j.ping(), "nothing left over after the pipeline");
    }
  }
}
