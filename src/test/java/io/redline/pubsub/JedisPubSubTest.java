package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.JedisShardedPubSub;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;

/**
 * Jedis 8 pub/sub over TCP, RESP2 and RESP3, against Redline (4 shards: the subscribers' connections
 * spread over its event loops) and redis-server: channel and pattern subscribers, shard channels,
 * PUBLISH's exact receiver counts, every message delivered in publish order.
 */
class JedisPubSubTest {
  private static PubSubServers servers;
  private static ExecutorService threads;

  @BeforeAll
  static void start() {
    servers = new PubSubServers();
    threads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() {
    if (threads != null) threads.shutdownNow();
    if (servers != null) servers.close();
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("redline", RedisProtocol.RESP2), Arguments.of("redline", RedisProtocol.RESP3),
        Arguments.of("redis", RedisProtocol.RESP2), Arguments.of("redis", RedisProtocol.RESP3));
  }

  private static DefaultJedisClientConfig config(RedisProtocol protocol) {
    return DefaultJedisClientConfig.builder().protocol(protocol).socketTimeoutMillis(10_000).build();
  }

  private static Jedis jedis(String server, RedisProtocol protocol) {
    return new Jedis(new HostAndPort("127.0.0.1", servers.port(server)), config(protocol));
  }

  /** Collects messages; the first subscribe confirmation opens {@link #ready}. */
  private static final class Listener extends JedisPubSub {
    final List<String> got = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch ready = new CountDownLatch(1);
    volatile CountDownLatch expected;

    Listener(int expectedMessages) { expected = new CountDownLatch(expectedMessages); }

    @Override public void onSubscribe(String channel, int count) { ready.countDown(); }
    @Override public void onPSubscribe(String pattern, int count) { ready.countDown(); }

    @Override
    public void onMessage(String channel, String message) {
      got.add(channel + "=" + message);
      expected.countDown();
    }

    @Override
    public void onPMessage(String pattern, String channel, String message) {
      got.add(pattern + "|" + channel + "=" + message);
      expected.countDown();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void channelAndPatternSubscribersOnEveryLoop(String server, RedisProtocol protocol) throws Exception {
    String ch = "jps:news:" + protocol;
    int channelSubs = 6;
    int patternSubs = 4;
    int messages = 200;
    List<Listener> listeners = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    List<Jedis> conns = new ArrayList<>();
    for (int i = 0; i < channelSubs + patternSubs; i++) {
      Listener l = new Listener(messages);
      Jedis j = jedis(server, protocol);
      boolean pattern = i >= channelSubs;
      listeners.add(l);
      conns.add(j);
      running.add(threads.submit(() -> {
        if (pattern) j.psubscribe(l, "jps:news:*");
        else j.subscribe(l, ch);
      }));
    }
    for (Listener l : listeners) assertTrue(l.ready.await(10, TimeUnit.SECONDS));
    try (Jedis pub = jedis(server, protocol)) {
      if (server.equals("redline")) {
        Object numsub = pub.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", ch);
        assertEquals((long) channelSubs, ((List<?>) numsub).get(1));
        assertTrue(servers.subscriberLoops().size() >= 2, "subscribers on loops " + servers.subscriberLoops());
      }
      for (int i = 0; i < messages; i++) assertEquals(channelSubs + patternSubs, pub.publish(ch, "m" + i), "receivers of m" + i);
      assertEquals(patternSubs, pub.publish("jps:news:other", "x"));
      assertEquals(0, pub.publish("jps:elsewhere", "x"));
    }
    for (int i = 0; i < listeners.size(); i++) {
      Listener l = listeners.get(i);
      assertTrue(l.expected.await(10, TimeUnit.SECONDS), "subscriber " + i + " got " + l.got.size());
      boolean pattern = i >= channelSubs;
      for (int m = 0; m < messages; m++) {
        assertEquals((pattern ? "jps:news:*|" : "") + ch + "=m" + m, l.got.get(m), "subscriber " + i + " message " + m);
      }
      if (pattern) l.punsubscribe();
      else l.unsubscribe();
    }
    for (Future<?> f : running) f.get(10, TimeUnit.SECONDS); // subscribe() returns once unsubscribed from all
    for (Jedis j : conns) {
      assertEquals("PONG", j.ping()); // the connection is usable again: no stray message left behind
      j.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void shardChannels(String server, RedisProtocol protocol) throws Exception {
    String ch = "jps:shard:" + protocol;
    List<String> got = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch expected = new CountDownLatch(3);
    JedisShardedPubSub sub = new JedisShardedPubSub() {
      @Override public void onSSubscribe(String channel, int count) { ready.countDown(); }

      @Override
      public void onSMessage(String channel, String message) {
        got.add(channel + "=" + message);
        expected.countDown();
      }
    };
    Connection conn = new Connection(new HostAndPort("127.0.0.1", servers.port(server)), config(protocol));
    Future<?> running = threads.submit(() -> sub.proceed(conn, ch));
    assertTrue(ready.await(10, TimeUnit.SECONDS));
    try (Jedis pub = jedis(server, protocol)) {
      for (int i = 0; i < 3; i++) assertEquals(1L, pub.sendCommand(Protocol.Command.SPUBLISH, ch, "s" + i));
      assertEquals(0L, pub.publish(ch, "not-a-shard-message")); // a separate namespace outside cluster mode
    }
    assertTrue(expected.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(ch + "=s0", ch + "=s1", ch + "=s2"), got);
    sub.sunsubscribe();
    running.get(10, TimeUnit.SECONDS);
    conn.close();
  }
}
