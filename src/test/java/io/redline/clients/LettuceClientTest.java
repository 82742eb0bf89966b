package io.redline.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lettuce 7 over real TCP, RESP2 and RESP3, against Redline and (as a check on the test itself)
 * against redis-server: its connect handshake (HELLO, CLIENT SETINFO), string commands, keys on
 * every shard, and async commands, flushed one by one and in one batch.
 */
class LettuceClientTest {
  private static final String[] SPREAD = {"a", "b", "c", "d", "e", "f", "g", "h"}; // all four shards
  private static Target target;
  private static ClientResources resources;

  @BeforeAll
  static void start() {
    target = new Target();
    resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
  }

  @AfterAll
  static void stop() {
    if (resources != null) resources.shutdown(0, 2, TimeUnit.SECONDS);
    if (target != null) target.close();
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("redline", ProtocolVersion.RESP2), Arguments.of("redline", ProtocolVersion.RESP3),
        Arguments.of("redis", ProtocolVersion.RESP2), Arguments.of("redis", ProtocolVersion.RESP3));
  }

  /** A connected client; close the returned client (it closes its connection). */
  private static Session open(String server, ProtocolVersion protocol) {
    RedisURI uri = RedisURI.Builder.redis("127.0.0.1", target.port(server)).withTimeout(Duration.ofSeconds(10)).build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
    StatefulRedisConnection<String, String> c = client.connect();
    c.sync().flushall();
    return new Session(client, c);
  }

  private record Session(RedisClient client, StatefulRedisConnection<String, String> conn) implements AutoCloseable {
    RedisCommands<String, String> sync() { return conn.sync(); }
    RedisAsyncCommands<String, String> async() { return conn.async(); }

    @Override
    public void close() {
      conn.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void handshakeNegotiatesProtocol(String server, ProtocolVersion protocol) {
    try (Session s = open(server, protocol)) {
      RedisCommands<String, String> r = s.sync();
      assertEquals("PONG", r.ping());
      assertEquals("hi", r.echo("hi"));
      String info = r.clientInfo();
      String resp = protocol == ProtocolVersion.RESP3 ? "3" : "2";
      assertTrue(info.matches("(?s).*\\bresp=" + resp + "\\b.*"), "CLIENT INFO: " + info);
      if (info.contains("lib-name=")) assertTrue(info.contains("lib-name=Lettuce"), "CLIENT INFO: " + info);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void setWithOptionsAndCounters(String server, ProtocolVersion protocol) {
    try (Session s = open(server, protocol)) {
      RedisCommands<String, String> r = s.sync();
      assertNull(r.get("k"));
      assertEquals("OK", r.set("k", "v1"));
      assertNull(r.set("k", "v2", SetArgs.Builder.nx()));
      assertEquals("OK", r.set("k", "v2", SetArgs.Builder.xx().ex(100)));
      long ttl = r.ttl("k");
      assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
      assertEquals("OK", r.set("k", "v3", SetArgs.Builder.keepttl()));
      assertTrue(r.ttl("k") > 90, "KEEPTTL kept the ttl");
      assertEquals("v3", r.setGet("k", "v4"));
      assertEquals("v4", r.getdel("k"));
      assertEquals(0, r.exists("k"));

      assertEquals(1, r.incr("n"));
      assertEquals(42, r.incrby("n", 41));
      assertEquals(41, r.decr("n"));
      assertEquals(3.5, r.incrbyfloat("x", 3.5));
      r.set("s", "abc");
      RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class, () -> r.incr("s"));
      assertEquals("ERR value is not an integer or out of range", e.getMessage());
      assertEquals("PONG", r.ping(), "the connection survives an error reply");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void msetMgetAndExpiryAcrossShards(String server, ProtocolVersion protocol) throws InterruptedException {
    try (Session s = open(server, protocol)) {
      RedisCommands<String, String> r = s.sync();
      Map<String, String> all = new LinkedHashMap<>();
      for (String k : SPREAD) all.put(k, "v-" + k);
      assertEquals("OK", r.mset(all));
      List<KeyValue<String, String>> got = r.mget("a", "zz", "d", "h");
      assertEquals("v-a", got.get(0).getValue());
      assertFalse(got.get(1).hasValue());
      assertEquals("v-d", got.get(2).getValue());
      assertEquals("v-h", got.get(3).getValue());
      assertEquals(8, r.exists(SPREAD));

      assertEquals(-2, r.ttl("zz"));
      assertEquals(-1, r.ttl("a"));
      assertTrue(r.expire("a", 100));
      assertFalse(r.expire("zz", 100));
      long pttl = r.pttl("a");
      assertTrue(pttl > 90_000 && pttl <= 100_000, "pttl " + pttl);
      assertTrue(r.pexpire("b", 50));
      Thread.sleep(120);
      assertNull(r.get("b"));
      assertEquals(7, r.del(SPREAD));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void asyncCommandsCompleteWithTheirOwnReplies(String server, ProtocolVersion protocol) {
    try (Session s = open(server, protocol)) {
      RedisAsyncCommands<String, String> a = s.async();
      List<RedisFuture<?>> futures = new ArrayList<>();
      List<Object> expected = new ArrayList<>();
      long[] counters = new long[5];
      for (int i = 0; i < 1000; i++) {
        switch (i % 4) {
          case 0 -> { futures.add(a.set("as:" + i, "v" + i)); expected.add("OK"); }
          case 1 -> { futures.add(a.get("as:" + (i - 1))); expected.add("v" + (i - 1)); }
          case 2 -> { int c = i % 5; futures.add(a.incr("cnt:" + c)); expected.add(++counters[c]); }
          default -> { futures.add(a.strlen("as:" + (i - 3))); expected.add((long) ("v" + (i - 3)).length()); }
        }
      }
      assertTrue(LettuceFutures.awaitAll(Duration.ofSeconds(30), futures.toArray(new RedisFuture[0])), "all replies in time");
      for (int i = 0; i < futures.size(); i++) assertEquals(expected.get(i), futures.get(i).toCompletableFuture().join(), "reply " + i);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void batchedAsyncCommandsFlushedAtOnce(String server, ProtocolVersion protocol) {
    try (Session s = open(server, protocol)) {
      s.conn().setAutoFlushCommands(false);
      RedisAsyncCommands<String, String> a = s.async();
      List<RedisFuture<String>> sets = new ArrayList<>();
      List<RedisFuture<String>> gets = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        sets.add(a.set("batch:" + i, "value-" + i));
        gets.add(a.get("batch:" + i));
      }
      s.conn().flushCommands();
      List<RedisFuture<?>> all = new ArrayList<>(sets);
      all.addAll(gets);
      assertTrue(LettuceFutures.awaitAll(Duration.ofSeconds(30), all.toArray(new RedisFuture[0])), "all replies in time");
      for (int i = 0; i < 500; i++) {
        assertEquals("OK", sets.get(i).toCompletableFuture().join());
        assertEquals("value-" + i, gets.get(i).toCompletableFuture().join());
      }
      s.conn().setAutoFlushCommands(true);
      assertEquals(500L, s.sync().dbsize());
    }
  }
}
