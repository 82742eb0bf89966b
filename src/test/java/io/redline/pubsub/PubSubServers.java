package io.redline.pubsub;

import io.redline.server.ClientConnection;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers pub/sub client tests run against: Redline in-process (4 shards, so subscribers
 * land on several event loops) and, where installed, a real redis-server, so every expectation
 * is checked against Redis too.
 */
final class PubSubServers implements AutoCloseable {
  private final RedlineInstance redline;
  private final RedisOracle redis = RedisOracle.unavailableReason() == null ? new RedisOracle().start() : null;

  PubSubServers(String... redlineArgs) {
    redline = new RedlineInstance(redlineArgs).start();
  }

  /** "redline" or "redis": the port; the redis case is skipped when there is no redis-server. */
  int port(String server) {
    if (server.equals("redline")) return redline.port();
    if (redis == null) {
      String why = RedisOracle.unavailableReason();
      System.out.println("SKIPPED (no oracle): " + why);
      Assumptions.abort(why);
    }
    return redis.port();
  }

  RedlineInstance redline() { return redline; }

  /** The event loops (shard indexes) Redline's subscribed connections live on. */
  Set<Integer> subscriberLoops() {
    Set<Integer> loops = new TreeSet<>();
    for (ClientConnection c : redline.server().context().clients().all()) if (c.subscribed()) loops.add(c.home().index());
    return loops;
  }

  /** Polls {@code condition} for up to 10 s (subscriptions are made on other connections' threads). */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  @Override
  public void close() {
    redline.close();
    if (redis != null) redis.close();
  }
}
