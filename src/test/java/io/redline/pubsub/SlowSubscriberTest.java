package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * client-output-buffer-limit against clients that stop reading: a subscriber that never reads is
 * cut off at its limit — its pending output never grows far past it — while the publisher keeps
 * going and a subscriber that does read gets every message, in order.
 */
class SlowSubscriberTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Handler logHandler = new Handler() {
    @Override public void publish(LogRecord r) { log.add(r.getMessage()); }
    @Override public void flush() { }
    @Override public void close() { }
  };

  @BeforeEach
  void captureLog() { Logger.getLogger("redline").addHandler(logHandler); }

  @AfterEach
  void restore() throws IOException {
    Logger.getLogger("redline").removeHandler(logHandler);
    try (RawClient admin = REDLINE.connect()) {
      admin.call("CONFIG", "SET", "client-output-buffer-limit", OutputBufferLimits.DEFAULT);
    }
  }

  /** A client socket with a small receive buffer, so the kernel soaks up little of what it is sent. */
  private static Socket stubbornSocket() throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress("127.0.0.1", REDLINE.port()), 5000);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Sends a command on a raw socket and reads its (single, small) reply. */
  private static String call(Socket s, String... args) throws IOException {
    s.getOutputStream().write(RawClient.encode(args));
    byte[] buf = new byte[256];
    int n = s.getInputStream().read(buf);
    return new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
  }

  private static long stat(RawClient c, String field) throws IOException {
    Matcher m = Pattern.compile(field + ":(\\d+)").matcher(c.callParsed("INFO", "stats").text());
    assertTrue(m.find(), field + " in INFO stats");
    return Long.parseLong(m.group(1));
  }

  /** omem of client {@code id} in CLIENT LIST, or -1 once it is gone. */
  private static long omem(RawClient c, long id) throws IOException {
    Matcher m = Pattern.compile("id=" + id + " .* omem=(\\d+) ").matcher(c.callParsed("CLIENT", "LIST").text());
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Whether the server closes {@code s}: reads (and drops) what is pending until EOF or a reset. */
  private static boolean closedByServer(Socket s, int millis) throws IOException {
    s.setSoTimeout(millis);
    InputStream in = s.getInputStream();
    byte[] sink = new byte[64 * 1024];
    try {
      while (in.read(sink) >= 0) {
        // what the kernel held before the close
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Test
  void hardLimitCutsOffASubscriberThatNeverReads() throws Exception {
    long hard = 1024 * 1024;
    byte[] payload = new byte[1024];
    java.util.Arrays.fill(payload, (byte) 'x');
    int messages = 20_000; // 20 MB: far more than the limit plus every kernel buffer on the way
    try (RawClient admin = REDLINE.connect(); RawClient good = REDLINE.connect(); RawClient pub = REDLINE.connect();
         Socket slow = stubbornSocket()) {
      long before = stat(admin, "client_output_buffer_limit_disconnections");
      assertEquals("+OK\r\n", admin.callText("CONFIG", "SET", "client-output-buffer-limit", "pubsub 1mb 0 0"));
      long slowId = Long.parseLong(call(slow, "CLIENT", "ID").trim().substring(1));
      assertTrue(call(slow, "SUBSCRIBE", "firehose").startsWith("*3\r\n$9\r\nsubscribe"));
      good.call("SUBSCRIBE", "firehose");

      // The reading subscriber, on its own thread: every message, in order. The publisher never
      // gets more than 200 messages (~200 KB) ahead of it, so however busy the machine, only the
      // subscriber that does not read at all can reach the limit.
      java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic.AtomicInteger();
      // Its own thread, not the common pool (which may have a single, busy thread on a small machine).
      java.util.concurrent.ExecutorService readerThread = java.util.concurrent.Executors.newSingleThreadExecutor();
      CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
        try {
          for (int i = 0; i < messages; i++) {
            RespReply r = good.readReply();
            String n = new String(r.elements.get(2).payload, 0, 8, StandardCharsets.US_ASCII);
            if (!n.equals(String.format("%08d", i))) throw new AssertionError("message " + i + " arrived as " + n);
            progress.set(i + 1);
          }
          return messages;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, readerThread);
      readerThread.shutdown();

      long maxOmem = 0;
      boolean cut = false;
      for (int i = 0; i < messages; i++) {
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (i - progress.get() > 200 && !received.isDone()) {
          assertTrue(System.nanoTime() < waitUntil, "the reading subscriber stalled at " + progress.get());
          Thread.sleep(1);
        }
        System.arraycopy(String.format("%08d", i).getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 8);
        long receivers = RespReply.parse(pub.call("PUBLISH".getBytes(), "firehose".getBytes(), payload)).integer();
        if (receivers == 1) cut = true;
        else assertEquals(2, receivers, "message " + i + (cut ? ", after the cut-off" : ""));
        if (!cut && i % 250 == 0) maxOmem = Math.max(maxOmem, omem(admin, slowId));
      }
      assertTrue(cut, "the slow subscriber was never cut off");
      assertEquals(messages, received.get(30, TimeUnit.SECONDS));
      // Its output never grew much past the limit: checked after every batch of messages and
      // whenever 16 KB are waiting unflushed, so at most that (and one message) over it.
      assertTrue(maxOmem <= hard + 16 * 1024 + 2 * payload.length + 64, "omem reached " + maxOmem);
      assertEquals(-1, omem(admin, slowId), "gone from CLIENT LIST");
      assertTrue(closedByServer(slow, 10_000), "the server closed the slow connection");
      assertEquals(before + 1, stat(admin, "client_output_buffer_limit_disconnections"));
      assertEquals(1, RespReply.parse(pub.call("PUBSUB", "NUMSUB", "firehose")).elements.get(1).integer());
      assertTrue(log.stream().anyMatch(l -> l.startsWith("Client id=" + slowId + " ")
          && l.endsWith("scheduled to be closed ASAP for overcoming of output buffer limits.")), log.toString());
    }
  }

  @Test
  void softLimitCutsOffAfterItsSeconds() throws Exception {
    byte[] payload = new byte[4096];
    try (RawClient admin = REDLINE.connect(); RawClient pub = REDLINE.connect(); Socket slow = stubbornSocket()) {
      assertEquals("+OK\r\n", admin.callText("CONFIG", "SET", "client-output-buffer-limit", "pubsub 0 64kb 1"));
      assertTrue(call(slow, "SUBSCRIBE", "drip").startsWith("*3"));
      long start = System.nanoTime();
      long cutAfter = -1;
      while (System.nanoTime() - start < 20_000_000_000L) {
        long receivers = RespReply.parse(pub.call("PUBLISH".getBytes(), "drip".getBytes(), payload)).integer();
        if (receivers == 0) {
          cutAfter = (System.nanoTime() - start) / 1_000_000;
          break;
        }
        Thread.sleep(2);
      }
      assertTrue(cutAfter >= 0, "never cut off");
      // It can only have passed the soft limit after the first message: so it stayed above it for
      // more than its 1 s before being cut, not at once as with a hard limit.
      assertTrue(cutAfter >= 1000, "cut off " + cutAfter + " ms after publishing started");
      assertTrue(closedByServer(slow, 10_000));
    }
  }

  @Test
  void unlimitedClientsAreOnlyPausedUntilTheyReadAgain() throws Exception {
    // Default limits (normal: none): a client that stops reading its replies is not cut off; the
    // server stops reading its requests while the socket is unwritable and resumes once it drains.
    byte[] value = new byte[64 * 1024];
    java.util.Arrays.fill(value, (byte) 'v');
    try (RawClient admin = REDLINE.connect(); RawClient c = REDLINE.connect()) {
      admin.call("SET".getBytes(), "bp:big".getBytes(), value);
      java.io.ByteArrayOutputStream pipeline = new java.io.ByteArrayOutputStream();
      int n = 300; // ~20 MB of replies
      for (int i = 0; i < n; i++) pipeline.writeBytes(RawClient.encode("GET", "bp:big"));
      pipeline.writeBytes(RawClient.encode("PING"));
      java.util.concurrent.ExecutorService senderThread = java.util.concurrent.Executors.newSingleThreadExecutor();
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        try {
          c.sendRaw(pipeline.toByteArray());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, senderThread);
      senderThread.shutdown();
      Thread.sleep(300); // not reading meanwhile
      for (int i = 0; i < n; i++) assertEquals(value.length, RespReply.parse(c.readRaw()).payload.length, "reply " + i);
      assertEquals("+PONG\r\n", new String(c.readRaw(), StandardCharsets.US_ASCII));
      sending.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void normalClassLimitsAPipelineThatIsNotRead() throws Exception {
    try (RawClient admin = REDLINE.connect(); Socket slow = stubbornSocket()) {
      admin.call("SET".getBytes(), "big".getBytes(), new byte[100_000]);
      assertEquals("+OK\r\n", admin.callText("CONFIG", "SET", "client-output-buffer-limit", "normal 1mb 0 0"));
      long before = stat(admin, "client_output_buffer_limit_disconnections");
      java.io.ByteArrayOutputStream pipeline = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 200; i++) pipeline.writeBytes(RawClient.encode("GET", "big")); // 20 MB of replies
      slow.getOutputStream().write(pipeline.toByteArray());
      // Not a byte read meanwhile (reading would let the output drain below the limit): the server
      // must cut the client off on its own.
      for (int i = 0; i < 1000 && stat(admin, "client_output_buffer_limit_disconnections") == before; i++) Thread.sleep(10);
      assertEquals(before + 1, stat(admin, "client_output_buffer_limit_disconnections"), "the pipelining client was cut off");
      assertTrue(closedByServer(slow, 10_000), "and its connection closed");
      assertEquals("+PONG\r\n", admin.callText("PING")); // the server is fine
    }
  }
}
