package io.redline.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
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
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Transaction;

/** Jedis and Lettuce transactions (MULTI/EXEC/WATCH) against Redline and, as a check, redis-server. */
class TransactionClientTest {
  private static Target target;

  @BeforeAll
  static void start() { target = new Target(); }

  @AfterAll
  static void stop() { if (target != null) target.close(); }

  static Stream<Arguments> targets() {
    return Stream.of(Arguments.of("redline", RedisProtocol.RESP2), Arguments.of("redline", RedisProtocol.RESP3),
        Arguments.of("redis", RedisProtocol.RESP2), Arguments.of("redis", RedisProtocol.RESP3));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void jedisMultiExecAndWatch(String server, RedisProtocol protocol) {
    try (Jedis j = new Jedis(new HostAndPort("127.0.0.1", target.port(server)),
        DefaultJedisClientConfig.builder().protocol(protocol).build());
         Jedis other = new Jedis(new HostAndPort("127.0.0.1", target.port(server)))) {
      j.flushAll();
      Transaction t = j.multi();
      t.set("stock", "10");
      t.decrBy("stock", 3);
      t.mset("a", "1", "b", "2", "c", "3");
      t.mget("a", "b", "c");
      List<Object> out = t.exec();
      assertEquals(4, out.size());
      assertEquals(7L, out.get(1));
      assertEquals(List.of("1", "2", "3"), out.get(3));

      j.watch("stock");
      other.incr("stock");
      Transaction lost = j.multi();
      lost.set("stock", "0");
      assertNull(lost.exec(), "a watched key changed by another client aborts EXEC");
      assertEquals("8", j.get("stock"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void lettuceMultiExec(String server, RedisProtocol protocol) {
    RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", target.port(server)));
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RedisCommands<String, String> r = c.sync();
      r.flushall();
      r.multi();
      r.rpush("queue", "a", "b");
      r.lrange("queue", 0, -1);
      r.hset("h", "f", "v");
      TransactionResult res = r.exec();
      assertEquals(3, res.size());
      assertEquals(2L, (Long) res.get(0));
      assertEquals(List.of("a", "b"), res.get(1));
    } finally {
      client.shutdown();
    }
  }
}
