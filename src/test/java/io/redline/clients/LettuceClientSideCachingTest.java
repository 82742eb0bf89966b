package io.redline.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.support.caching.CacheAccessor;
import io.lettuce.core.support.caching.CacheFrontend;
import io.lettuce.core.support.caching.ClientSideCaching;
import io.redline.testing.RedlineInstance;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lettuce's own client-side caching (CLIENT TRACKING over RESP3) against Redline: a cached value
 * is served locally until another client's write invalidates it, then read again.
 */
class LettuceClientSideCachingTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  @Test
  void aWriteElsewhereInvalidatesTheLocalCopy() throws Exception {
    RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redline.port()));
    client.setOptions(ClientOptions.builder().protocolVersion(ProtocolVersion.RESP3).build());
    try (StatefulRedisConnection<String, String> cached = client.connect();
         StatefulRedisConnection<String, String> writer = client.connect()) {
      writer.sync().set("csc:k", "v1");
      Map<String, String> local = new ConcurrentHashMap<>();
      AtomicInteger loads = new AtomicInteger();
      CacheAccessor<String, String> accessor = new CacheAccessor<>() {
        @Override
        public String get(String key) { return local.get(key); }

        @Override
        public void put(String key, String value) {
          loads.incrementAndGet();
          local.put(key, value);
        }

        @Override
        public void evict(String key) { local.remove(key); }
      };
      CacheFrontend<String, String> frontend = ClientSideCaching.enable(accessor, cached, TrackingArgs.Builder.enabled());
      assertEquals("v1", frontend.get("csc:k"));
      assertEquals("v1", frontend.get("csc:k"));
      assertEquals(1, loads.get(), "the second read came from the local copy");

      writer.sync().set("csc:k", "v2");
      for (int i = 0; i < 200 && local.containsKey("csc:k"); i++) Thread.sleep(10);
      assertEquals(null, local.get("csc:k"), "the invalidation evicted the local copy");
      assertEquals("v2", frontend.get("csc:k"));
      assertEquals(2, loads.get());
      frontend.close();
    } finally {
      client.shutdown();
    }
  }
}
