package io.redline.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.params.SetParams;

/**
 * What Spring Session's indexed repository relies on, over TCP with Lettuce (RESP2 and RESP3) and
 * Jedis: it sets notify-keyspace-events to "Egx", subscribes to {@code __keyevent@0__:expired} and
 * {@code __keyevent@0__:del} (and here also the pattern {@code __keyevent@*__:expired}), and must
 * hear of every session key that expires — reclaimed by the active cycle with nobody reading it,
 * or found dead by a read — and of every DEL. The keys span several shards. The same test runs
 * against redis-server, which checks the test itself.
 */
class SessionExpiryNotificationTest {
  private static final String EXPIRED = "__keyevent@0__:expired";
  private static final String DEL = "__keyevent@0__:del";
  private static final String ANY_EXPIRED = "__keyevent@*__:expired";
  /** Published last on the del channel: everything heard before it is the scenario's whole output. */
  private static final String MARKER = "marker:end";
  private static RedlineInstance redline;
  private static RedisOracle redis;
  private static ClientResources resources;

  @BeforeAll
  static void start() {
    redline = new RedlineInstance().start();
    if (RedisOracle.unavailableReason() == null) redis = new RedisOracle().start();
    resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
  }

  @AfterAll
  static void stop() {
    if (resources != null) resources.shutdown(0, 2, TimeUnit.SECONDS);
    if (redline != null) redline.close();
    if (redis != null) redis.close();
  }

  static Stream<Arguments> lettuceTargets() {
    return Stream.of(
        Arguments.of("redline", ProtocolVersion.RESP2), Arguments.of("redline", ProtocolVersion.RESP3),
        Arguments.of("redis", ProtocolVersion.RESP2), Arguments.of("redis", ProtocolVersion.RESP3));
  }

  static Stream<String> servers() { return Stream.of("redline", "redis"); }

  private static int port(String server) {
    if (server.equals("redline")) return redline.port();
    Assumptions.assumeTrue(redis != null, () -> "no redis-server: " + RedisOracle.unavailableReason());
    return redis.port();
  }

  /** The few commands the scenario needs, whichever client sends them. */
  private interface Commands {
    void setPx(String key, long millis);
    void set(String key);
    String get(String key);
    long del(String... keys);
    void config(String name, String value);
    void publish(String channel, String message);
  }

  @ParameterizedTest(name = "lettuce {0} {1}")
  @MethodSource("lettuceTargets")
  void lettuce(String server, ProtocolVersion protocol) throws Exception {
    RedisURI uri = RedisURI.Builder.redis("127.0.0.1", port(server)).withTimeout(Duration.ofSeconds(10)).build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
    try (StatefulRedisConnection<String, String> conn = client.connect();
         StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
      BlockingQueue<String> heard = new LinkedBlockingQueue<>();
      sub.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) { heard.add(channel + " " + message); }

        @Override
        public void message(String pattern, String channel, String message) {
          heard.add(pattern + " " + channel + " " + message);
        }
      });
      RedisCommands<String, String> r = conn.sync();
      r.flushall();
      r.configSet("notify-keyspace-events", "Egx");
      sub.sync().subscribe(EXPIRED, DEL);
      sub.sync().psubscribe(ANY_EXPIRED);
      scenario(new Commands() {
        public void setPx(String key, long millis) { r.set(key, "session", SetArgs.Builder.px(millis)); }
        public void set(String key) { r.set(key, "session"); }
        public String get(String key) { return r.get(key); }
        public long del(String... keys) { return r.del(keys); }
        public void config(String name, String value) { r.configSet(name, value); }
        public void publish(String channel, String message) { r.publish(channel, message); }
      }, heard, server);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @ParameterizedTest(name = "jedis {0}")
  @MethodSource("servers")
  void jedis(String server) throws Exception {
    int port = port(server);
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    CountDownLatch subscribed = new CountDownLatch(3);
    JedisPubSub listener = new JedisPubSub() {
      @Override
      public void onMessage(String channel, String message) { heard.add(channel + " " + message); }

      @Override
      public void onPMessage(String pattern, String channel, String message) {
        heard.add(pattern + " " + channel + " " + message);
      }

      @Override
      public void onSubscribe(String channel, int count) { subscribed.countDown(); }

      @Override
      public void onPSubscribe(String pattern, int count) { subscribed.countDown(); }
    };
    try (Jedis r = new Jedis("127.0.0.1", port); Jedis subscriber = new Jedis("127.0.0.1", port)) {
      r.flushAll();
      r.configSet("notify-keyspace-events", "Egx");
      Thread loop = new Thread(() -> subscriber.subscribe(listener, EXPIRED, DEL), "jedis-subscriber");
      loop.setDaemon(true);
      loop.start();
      // Adding the pattern waits until the subscription loop runs (Jedis refuses it before).
      for (int i = 0; i < 500 && subscribed.getCount() == 3; i++) Thread.sleep(2);
      listener.psubscribe(ANY_EXPIRED);
      assertTrue(subscribed.await(10, TimeUnit.SECONDS), "subscriptions confirmed");
      try {
        scenario(new Commands() {
          public void setPx(String key, long millis) { r.set(key, "session", SetParams.setParams().px(millis)); }
          public void set(String key) { r.set(key, "session"); }
          public String get(String key) { return r.get(key); }
          public long del(String... keys) { return r.del(keys); }
          public void config(String name, String value) { r.configSet(name, value); }
          public void publish(String channel, String message) { r.publish(channel, message); }
        }, heard, server);
      } finally {
        listener.punsubscribe();
        listener.unsubscribe();
        loop.join(10_000);
      }
    }
  }

  /**
   * Session keys expire (actively, then lazily) and are deleted; the listener must hear each one
   * once per subscription it matches, and nothing else.
   */
  private static void scenario(Commands c, BlockingQueue<String> heard, String server) throws Exception {
    String[] active = {"spring:session:sessions:expires:a1", "spring:session:sessions:expires:b2"};
    String[] lazy = {"spring:session:sessions:expires:c3", "spring:session:sessions:expires:d4"};
    String[] deleted = {"spring:session:sessions:e5", "spring:session:sessions:f6"};
    assertTrue(redline.shardsSpanned(active) > 1 && redline.shardsSpanned(lazy) > 1 && redline.shardsSpanned(deleted) > 1,
        "each group of keys spans shards");
    List<String> expected = new ArrayList<>();
    List<String> got = new ArrayList<>();
    try {
      // Nobody reads these: only the active expiry cycle can find them.
      for (String k : active) c.setPx(k, 20);
      for (String k : active) {
        expected.add(EXPIRED + " " + k);
        expected.add(ANY_EXPIRED + " " + EXPIRED + " " + k);
      }
      awaitAll(heard, got, expected, server);
      // A slow cycle (hz 1) leaves these to the reads that find them dead.
      c.config("hz", "1");
      for (String k : lazy) c.setPx(k, 10);
      Thread.sleep(30);
      for (String k : lazy) {
        assertNull(c.get(k));
        expected.add(EXPIRED + " " + k);
        expected.add(ANY_EXPIRED + " " + EXPIRED + " " + k);
      }
      for (String k : deleted) c.set(k);
      assertEquals(2, c.del(deleted));
      for (String k : deleted) expected.add(DEL + " " + k);
      c.publish(DEL, MARKER);
      expected.add(DEL + " " + MARKER);
      awaitAll(heard, got, expected, server);
      assertEquals(DEL + " " + MARKER, got.get(got.size() - 1), server + ": the marker comes last");
    } finally {
      c.config("hz", "10");
      c.config("notify-keyspace-events", "");
    }
  }

  /**
   * Moves messages from {@code heard} to {@code got} until it holds as many as {@code expected}
   * (waiting up to 10 s), then compares the two as multisets: keys on different shards expire in
   * no fixed order.
   */
  private static void awaitAll(BlockingQueue<String> heard, List<String> got, List<String> expected, String server)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (got.size() < expected.size()) {
      String m = heard.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertNotNull(m, server + ": heard only " + got + ", expected " + expected);
      got.add(m);
    }
    List<String> want = new ArrayList<>(expected);
    List<String> have = new ArrayList<>(got);
    Collections.sort(want);
    Collections.sort(have);
    assertEquals(want, have, server);
  }
}
