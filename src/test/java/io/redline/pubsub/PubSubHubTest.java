package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import io.redline.config.ServerConfig;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub alone, on two plain event loops: exact counts, delivery on each subscriber's own loop,
 * per-publisher order, and publishing from a thread that is no loop at all (what keyspace
 * notifications do).
 */
class PubSubHubTest {
  private DefaultEventLoop[] loops;
  private PubSubHub hub;

  @BeforeEach
  void start() {
    loops = new DefaultEventLoop[] {new DefaultEventLoop(), new DefaultEventLoop()};
    Shard[] shards = {new Shard(0, 1), new Shard(1, 1)};
    for (int i = 0; i < shards.length; i++) shards[i].bind(loops[i], () -> 10);
    hub = new PubSubHub(new ShardRouter(shards), new ServerConfig());
  }

  @AfterEach
  void stop() {
    for (DefaultEventLoop l : loops) l.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  /** Records what it receives; lives on one lane and only touches its state there. */
  private final class Recorder implements Subscriber {
    final int lane;
    final Subscriptions subs;
    final List<String> got = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();
    volatile CountDownLatch expected = new CountDownLatch(0);
    int flushes;
    boolean unflushed;

    Recorder(int lane) {
      this.lane = lane;
      this.subs = new Subscriptions(hub, this);
    }

    @Override
    public int lane() { return lane; }

    @Override
    public boolean deliver(Delivery d) {
      if (!subs.covers(d)) return false;
      threads.add(Thread.currentThread());
      String p = d.pattern() == null ? "" : new String(d.pattern(), StandardCharsets.UTF_8) + "|";
      got.add(d.kind().name().charAt(0) + ":" + p + new String(d.channel(), StandardCharsets.UTF_8) + "=" + new String(d.payload(), StandardCharsets.UTF_8));
      expected.countDown();
      boolean first = !unflushed;
      unflushed = true;
      return first;
    }

    @Override
    public void flushDeliveries() {
      unflushed = false;
      flushes++;
    }

    /** Runs {@code action} on this recorder's loop and waits for it. */
    void onLoop(Runnable action) throws Exception {
      CompletableFuture<Void> done = new CompletableFuture<>();
      loops[lane].execute(() -> {
        try {
          action.run();
          done.complete(null);
        } catch (Throwable t) {
          done.completeExceptionally(t);
        }
      });
      try {
        done.get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof AssertionError a) throw a;
        throw e;
      }
    }
  }

  private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  @Test
  void countsEverySubscriptionAndDeliversOnTheSubscribersLoop() throws Exception {
    Recorder a = new Recorder(0);
    Recorder c = new Recorder(1);
    a.onLoop(() -> {
      a.subs.add(SubscriptionKind.CHANNEL, b("news"));
      a.subs.add(SubscriptionKind.PATTERN, b("n*"));
    });
    c.onLoop(() -> {
      c.subs.add(SubscriptionKind.PATTERN, b("n*"));
      c.subs.add(SubscriptionKind.PATTERN, b("*s"));
      c.subs.add(SubscriptionKind.SHARD, b("news"));
    });
    assertEquals(1, hub.nameCount(SubscriptionKind.CHANNEL));
    assertEquals(2, hub.nameCount(SubscriptionKind.PATTERN));
    a.expected = new CountDownLatch(2);
    c.expected = new CountDownLatch(3);
    // From a thread that is no event loop: keyspace notifications publish like this.
    assertEquals(4, hub.publish(b("news"), b("m1")));
    assertEquals(1, hub.spublish(b("news"), b("m2")));
    assertEquals(0, hub.spublish(b("nothing"), b("m3")));
    assertTrue(a.expected.await(5, TimeUnit.SECONDS));
    assertTrue(c.expected.await(5, TimeUnit.SECONDS));
    a.onLoop(() -> assertEquals(List.of("C:news=m1", "P:n*|news=m1"), a.got));
    c.onLoop(() -> {
      assertEquals(3, c.got.size());
      assertTrue(c.got.containsAll(List.of("P:n*|news=m1", "P:*s|news=m1", "S:news=m2")), c.got.toString());
    });
    a.onLoop(() -> assertTrue(a.threads.stream().allMatch(loops[0]::inEventLoop)));
    c.onLoop(() -> assertTrue(c.threads.stream().allMatch(loops[1]::inEventLoop)));
  }

  @Test
  void oneFlushPerBatchAndPublisherOrderKept() throws Exception {
    Recorder r = new Recorder(1);
    r.onLoop(() -> r.subs.add(SubscriptionKind.CHANNEL, b("ch")));
    int n = 5000;
    r.expected = new CountDownLatch(n);
    // Hold the loop so the messages queue up, then let it drain them in one go.
    CountDownLatch hold = new CountDownLatch(1);
    loops[1].execute(() -> {
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    for (int i = 0; i < n; i++) assertEquals(1, hub.publish(b("ch"), b(Integer.toString(i))));
    hold.countDown();
    assertTrue(r.expected.await(10, TimeUnit.SECONDS));
    r.onLoop(() -> {
      for (int i = 0; i < n; i++) assertEquals("C:ch=" + i, r.got.get(i));
      assertTrue(r.flushes <= 2, "flushed " + r.flushes + " times for one queued batch");
    });
  }

  @Test
  void unsubscribedNamesStopCountingAndQueuedMessagesAreDropped() throws Exception {
    Recorder r = new Recorder(0);
    r.onLoop(() -> r.subs.add(SubscriptionKind.CHANNEL, b("ch")));
    CountDownLatch hold = new CountDownLatch(1);
    loops[0].execute(() -> {
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      r.subs.remove(SubscriptionKind.CHANNEL, b("ch"));
    });
    // Counted while subscribed; the UNSUBSCRIBE then runs on the loop before the delivery does.
    assertEquals(1, hub.publish(b("ch"), b("raced")));
    hold.countDown();
    r.onLoop(() -> assertEquals(List.of(), r.got));
    assertEquals(0, hub.publish(b("ch"), b("after")));
    assertEquals(0, hub.nameCount(SubscriptionKind.CHANNEL));
    assertEquals(0, hub.subscriberCount(SubscriptionKind.CHANNEL, b("ch")));
  }

  @Test
  void clearDropsEverythingAndActiveNamesFilterByGlob() throws Exception {
    Recorder r = new Recorder(0);
    r.onLoop(() -> {
      r.subs.add(SubscriptionKind.CHANNEL, b("a1"));
      r.subs.add(SubscriptionKind.CHANNEL, b("b1"));
      r.subs.add(SubscriptionKind.CHANNEL, b(""));
      r.subs.add(SubscriptionKind.SHARD, b("a1"));
    });
    assertEquals(3, hub.activeNames(SubscriptionKind.CHANNEL, null).size());
    assertEquals(2, hub.activeNames(SubscriptionKind.CHANNEL, b("*")).size()); // "*" never matches ""
    assertEquals(1, hub.activeNames(SubscriptionKind.CHANNEL, b("a?")).size());
    assertEquals(1, hub.activeNames(SubscriptionKind.SHARD, null).size());
    r.onLoop(() -> {
      assertEquals(3, r.subs.confirmationCount(SubscriptionKind.CHANNEL));
      assertEquals(1, r.subs.confirmationCount(SubscriptionKind.SHARD));
      r.subs.clear();
      assertEquals(0, r.subs.total());
    });
    assertEquals(0, hub.nameCount(SubscriptionKind.CHANNEL) + hub.nameCount(SubscriptionKind.SHARD));
  }
}
