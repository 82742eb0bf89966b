package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lettuce 7's StatefulRedisPubSubConnection, RESP2 and RESP3 (push frames), against Redline
 * (4 shards) and redis-server: channels, patterns and shard channels on connections spread over
 * the event loops, exact PUBLISH counts, and — RESP3 only — ordinary commands on a subscribed
 * connection.
 */
class LettucePubSubTest {
  private static PubSubServers servers;
  private static ClientResources resources;

  @BeforeAll
  static void start() {
    servers = new PubSubServers();
    resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
  }

  @AfterAll
  static void stop() {
    if (resources != null) resources.shutdown(0, 2, TimeUnit.SECONDS);
    if (servers != null) servers.close();
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("redline", ProtocolVersion.RESP2), Arguments.of("redline", ProtocolVersion.RESP3),
        Arguments.of("redis", ProtocolVersion.RESP2), Arguments.of("redis", ProtocolVersion.RESP3));
  }

  private static RedisClient client(String server, ProtocolVersion protocol) {
    RedisURI uri = RedisURI.Builder.redis("127.0.0.1", servers.port(server)).withTimeout(Duration.ofSeconds(10)).build();
    RedisClient c = RedisClient.create(resources, uri);
    c.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
    return c;
  }

  /** Every message, smessage and pmessage a connection receives, as text. */
  private static final class Recorder extends RedisPubSubAdapter<String, String> {
    final List<String> got = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch expected = new CountDownLatch(0);

    @Override public void message(String channel, String message) { add(channel + "=" + message); }
    @Override public void message(String pattern, String channel, String message) { add(pattern + "|" + channel + "=" + message); }
    @Override public void smessage(String channel, String message) { add("s:" + channel + "=" + message); }

    private void add(String s) {
      got.add(s);
      expected.countDown();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void subscribersOnSeveralLoopsGetEverythingInOrder(String server, ProtocolVersion protocol) throws Exception {
    String tag = "lps:" + protocol + ":";
    RedisClient client = client(server, protocol);
    int subscribers = 8;
    int messages = 100;
    List<StatefulRedisPubSubConnection<String, String>> subs = new ArrayList<>();
    List<Recorder> recorders = new ArrayList<>();
    try (StatefulRedisConnection<String, String> pub = client.connect()) {
      for (int i = 0; i < subscribers; i++) {
        StatefulRedisPubSubConnection<String, String> c = client.connectPubSub();
        Recorder r = new Recorder();
        c.addListener(r);
        // Half by channel, half by pattern; every one also on a shard channel.
        if (i % 2 == 0) c.sync().subscribe(tag + "ch");
        else c.sync().psubscribe(tag + "c?");
        c.sync().ssubscribe(tag + "shard");
        r.expected = new CountDownLatch(2 * messages);
        subs.add(c);
        recorders.add(r);
      }
      if (server.equals("redline")) assertTrue(servers.subscriberLoops().size() >= 2, "loops " + servers.subscriberLoops());
      Map<String, Long> numsub = pub.sync().pubsubNumsub(tag + "ch");
      assertEquals(subscribers / 2, numsub.get(tag + "ch"));
      assertEquals(subscribers, pub.sync().pubsubShardNumsub(tag + "shard").get(tag + "shard"));
      for (int m = 0; m < messages; m++) {
        assertEquals(subscribers, pub.sync().publish(tag + "ch", "m" + m));
        assertEquals(subscribers, pub.sync().spublish(tag + "shard", "s" + m));
      }
      for (int i = 0; i < subscribers; i++) {
        Recorder r = recorders.get(i);
        assertTrue(r.expected.await(10, TimeUnit.SECONDS), "subscriber " + i + " got " + r.got.size());
        String prefix = i % 2 == 0 ? "" : tag + "c?|";
        for (int m = 0; m < messages; m++) {
          // Messages of one publisher arrive in publish order, channel and shard ones interleaved.
          assertEquals(prefix + tag + "ch=m" + m, r.got.get(2 * m), "subscriber " + i);
          assertEquals("s:" + tag + "shard=s" + m, r.got.get(2 * m + 1), "subscriber " + i);
        }
      }
      for (StatefulRedisPubSubConnection<String, String> c : subs) c.close();
      if (server.equals("redline")) {
        // Closed connections drop their subscriptions (asynchronously, as the close is noticed).
        PubSubServers.await("subscriptions dropped", () -> pub.sync().publish(tag + "ch", "late") == 0);
        assertEquals(0, pub.sync().spublish(tag + "shard", "late"));
      }
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  static Stream<String> servers() { return Stream.of("redline", "redis"); }

  /** RESP3 only: in RESP2 a subscribed connection is refused other commands (pubsub-basic.txt checks that). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void resp3SubscribersRunOrdinaryCommands(String server) throws Exception {
    ProtocolVersion protocol = ProtocolVersion.RESP3;
    String ch = "lps:resp3:mixed";
    RedisClient client = client(server, protocol);
    try (StatefulRedisPubSubConnection<String, String> c = client.connectPubSub();
         StatefulRedisConnection<String, String> pub = client.connect()) {
      Recorder r = new Recorder();
      r.expected = new CountDownLatch(2);
      c.addListener(r);
      c.sync().subscribe(ch);
      // Keys on every shard, answered by other loops while the connection is subscribed.
      for (String k : new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}) {
        c.sync().set("lps:" + k, k);
        assertEquals(k, c.sync().get("lps:" + k));
      }
      assertEquals(1, pub.sync().publish(ch, "one"));
      assertEquals(1, c.sync().publish(ch, "to-myself")); // counted like any other subscriber
      assertTrue(r.expected.await(10, TimeUnit.SECONDS));
      assertEquals(List.of(ch + "=one", ch + "=to-myself"), r.got);
      c.sync().unsubscribe(ch);
      assertEquals(0, pub.sync().publish(ch, "gone"));
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
