package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson's RLock against Redline over TCP: its lock, reentrancy and unlock are Lua scripts
 * (hash fields per holder, PEXPIRE leases, PUBLISH of an unlock message that waiting clients
 * receive over SUBSCRIBE). Nothing here is stubbed: the scripts are Redisson's own.
 */
class RedissonLockTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static RedissonClient redisson;
  private static ExecutorService otherThreads;

  @BeforeAll
  static void connect() {
    Config config = new Config();
    config.useSingleServer().setAddress("redis://127.0.0.1:" + REDLINE.port());
    redisson = Redisson.create(config);
    otherThreads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void disconnect() {
    if (redisson != null) redisson.shutdown();
    if (otherThreads != null) otherThreads.shutdownNow();
  }

  @Test
  void lockIsExclusiveAndReentrant() throws Exception {
    RLock lock = redisson.getLock("redline:lock:reentrant");
    lock.lock();
    try {
      assertTrue(lock.isLocked());
      assertTrue(lock.isHeldByCurrentThread());
      lock.lock(); // the same thread again: the hold count goes up
      assertEquals(2, lock.getHoldCount());
      // Another thread (another Redisson lock owner id) cannot take it.
      assertFalse(otherThreads.submit(() -> lock.tryLock(0, 10, TimeUnit.SECONDS)).get());
      lock.unlock();
      assertEquals(1, lock.getHoldCount());
      assertTrue(lock.isLocked());
    } finally {
      lock.unlock();
    }
    assertFalse(lock.isLocked());
    assertEquals(0, lock.getHoldCount());
    // Free again: another thread takes and releases it.
    assertTrue(otherThreads.submit(() -> {
      boolean got = lock.tryLock(0, 10, TimeUnit.SECONDS);
      if (got) lock.unlock();
      return got;
    }).get());
  }

  @Test
  void unlockPublishesAndWakesAWaiter() throws Exception {
    RLock lock = redisson.getLock("redline:lock:notify");
    // A lease far longer than the waiter's patience: the waiter can only get the lock in time
    // if the unlock message reaches it (Redisson waits on the channel, not on a timer).
    lock.lock(120, TimeUnit.SECONDS);
    try (RawClient watcher = REDLINE.connect()) {
      watcher.send("SUBSCRIBE", "redisson_lock__channel:{redline:lock:notify}");
      assertEquals("subscribe", new String(RespReply.parse(watcher.readRaw()).elements.get(0).payload, StandardCharsets.UTF_8));
      CountDownLatch waiting = new CountDownLatch(1);
      Future<Boolean> waiter = otherThreads.submit(() -> {
        waiting.countDown();
        boolean got = lock.tryLock(60, 120, TimeUnit.SECONDS);
        if (got) lock.unlock();
        return got;
      });
      waiting.await();
      lock.unlock();
      // The unlock script published the release on the lock's channel...
      RespReply message = RespReply.parse(watcher.readRaw());
      assertEquals("message", new String(message.elements.get(0).payload, StandardCharsets.UTF_8));
      assertEquals("redisson_lock__channel:{redline:lock:notify}", new String(message.elements.get(1).payload, StandardCharsets.UTF_8));
      // ...and the waiter, subscribed to it, took the lock long before its lease could expire.
      assertTrue(waiter.get(60, TimeUnit.SECONDS));
    }
    assertFalse(lock.isLocked());
  }

  @Test
  void leaseExpiresWithoutUnlock() throws Exception {
    RLock lock = redisson.getLock("redline:lock:lease");
    lock.lock(300, TimeUnit.MILLISECONDS);
    assertTrue(lock.isLocked());
    long ttl = lock.remainTimeToLive();
    assertTrue(ttl > 0 && ttl <= 300, "lease ttl " + ttl);
    // Another owner waits for it; the key expires on its own (nobody unlocks), and the waiter gets it.
    assertTrue(otherThreads.submit(() -> {
      boolean got = lock.tryLock(30, 10, TimeUnit.SECONDS);
      if (got) lock.unlock();
      return got;
    }).get(60, TimeUnit.SECONDS));
    assertFalse(lock.isLocked());
  }

  @Test
  void forceUnlockAndWatchdogRenewal() throws Exception {
    RLock lock = redisson.getLock("redline:lock:watchdog");
    lock.lock(); // no lease: Redisson's watchdog keeps renewing it (its renew script) until unlock
    try {
      assertTrue(lock.remainTimeToLive() > 0);
    } finally {
      assertTrue(lock.forceUnlock());
    }
    assertFalse(lock.isLocked());
  }
}
