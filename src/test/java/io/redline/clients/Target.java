package io.redline.clients;

import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers a client test runs against: Redline (in-process, 4 shards) and, where one is
 * installed, a real redis-server, so every client expectation is checked against Redis too.
 * Start them in @BeforeAll and close them in @AfterAll.
 */
final class Target implements AutoCloseable {
  private final RedlineInstance redline = new RedlineInstance().start();
  private final RedisOracle redis = RedisOracle.unavailableReason() == null ? new RedisOracle().start() : null;

  /** "redline" or "redis": the port to connect to; the redis case is skipped when there is none. */
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

  @Override
  public void close() {
    redline.close();
    if (redis != null) redis.close();
  }
}
