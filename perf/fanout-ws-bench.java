/*
 * Pub/sub fan-out to browsers: 1 RESP publisher, N WebSocket subscribers (default 1,000) of the
 * chat module on one channel. The same two phases as fanout-bench.java, so the figures compare:
 *   1. throughput: --messages PUBLISHes (--window in flight), messages/s = messages / (first
 *      publish .. last delivery to the last subscriber);
 *   2. latency: --rate PUBLISHes a second for --seconds, each payload carrying its send time
 *      (System.nanoTime, same process): p50 / p99 / max over all deliveries.
 *
 *   java perf/fanout-ws-bench.java --port 6379 --http-port 8080 [--subscribers 1000] [--messages 20000]
 *        [--size 64] [--window 64] [--rate 200] [--seconds 3]
 * Prints one line like fanout-bench.java. JDK only (java.net.http's WebSocket client).
 */
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public class FanoutWsBench {
  static final String CHANNEL = "fanout-bench";

  /** One browser: counts messages, records latencies while asked to. */
  static final class Sub implements WebSocket.Listener {
    final CountDownLatch subscribed = new CountDownLatch(1);
    final AtomicLong received = new AtomicLong();
    volatile long lastNanos;
    volatile boolean measuring;
    long[] latencies = new long[1024];
    int count;
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.startsWith("{\"type\":\"message\"")) {
          long now = System.nanoTime();
          if (measuring) {
            int at = frame.indexOf("\"message\":\"") + 11;
            long sent = Long.parseLong(frame.substring(at, at + 19));
            synchronized (this) {
              if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
              latencies[count++] = now - sent;
            }
          }
          lastNanos = now;
          received.incrementAndGet();
        } else if (frame.startsWith("{\"type\":\"subscribed\"")) {
          subscribed.countDown();
        }
      }
      ws.request(1);
      return null;
    }
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    int port = Integer.parseInt(a.getOrDefault("port", "6379"));
    int httpPort = Integer.parseInt(a.getOrDefault("http-port", "8080"));
    int subscribers = Integer.parseInt(a.getOrDefault("subscribers", "1000"));
    int messages = Integer.parseInt(a.getOrDefault("messages", "20000"));
    int size = Math.max(24, Integer.parseInt(a.getOrDefault("size", "64")));
    int window = Integer.parseInt(a.getOrDefault("window", "64"));
    int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "3"));

    HttpClient http = HttpClient.newHttpClient();
    List<Sub> subs = new ArrayList<>();
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      Sub s = new Sub();
      subs.add(s);
      opening.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/chat"), s));
    }
    for (CompletableFuture<WebSocket> f : opening) {
      f.get(30, TimeUnit.SECONDS).sendText("{\"op\":\"subscribe\",\"channel\":\"" + CHANNEL + "\",\"history\":0}", true);
    }
    for (Sub s : subs) if (!s.subscribed.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("subscribe not confirmed");

    try (Socket pub = new Socket()) {
      pub.setTcpNoDelay(true);
      pub.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = pub.getOutputStream();
      InputStream in = new java.io.BufferedInputStream(pub.getInputStream(), 1 << 16);
      byte[] expected = (":" + subscribers + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] payload = new byte[size];
      Arrays.fill(payload, (byte) '.');

      int warm = Math.min(messages, 2000);
      publishBurst(out, in, payload, warm, window, expected);
      await(subs, warm);

      long t0 = System.nanoTime();
      publishBurst(out, in, payload, messages, window, expected);
      await(subs, warm + messages);
      long last = 0;
      for (Sub s : subs) last = Math.max(last, s.lastNanos);
      double secs = (last - t0) / 1e9;

      for (Sub s : subs) s.measuring = true;
      long interval = 1_000_000_000L / rate;
      long next = System.nanoTime();
      int sent = rate * seconds;
      for (int i = 0; i < sent; i++) {
        while (System.nanoTime() < next) LockSupport.parkNanos(Math.max(1, (next - System.nanoTime()) / 2));
        next += interval;
        stamp(payload, System.nanoTime());
        out.write(publish(payload));
        out.flush();
        expectReply(in, expected);
      }
      await(subs, warm + messages + sent);
      int total = 0;
      for (Sub s : subs) total += s.count;
      long[] lat = new long[total];
      int k = 0;
      for (Sub s : subs) {
        System.arraycopy(s.latencies, 0, lat, k, s.count);
        k += s.count;
      }
      Arrays.sort(lat);
      System.out.printf(Locale.ROOT,
          "fanout-ws subscribers=%d messages=%d size=%d msgs_per_s=%.0f deliveries_per_s=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
          subscribers, messages, size, messages / secs, messages * (double) subscribers / secs,
          pct(lat, 0.50), pct(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    }
    System.exit(0);
  }

  static void await(List<Sub> subs, long each) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (Sub s : subs) {
      while (s.received.get() < each) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("deliveries missing: " + s.received.get() + " of " + each);
        Thread.sleep(1);
      }
    }
  }

  static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
  }

  static void publishBurst(OutputStream out, InputStream in, byte[] payload, int n, int window, byte[] expected) throws IOException {
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    for (int done = 0; done < n; ) {
      int k = Math.min(window, n - done);
      batch.reset();
      for (int i = 0; i < k; i++) {
        stamp(payload, System.nanoTime());
        batch.writeBytes(publish(payload));
      }
      out.write(batch.toByteArray());
      out.flush();
      for (int i = 0; i < k; i++) expectReply(in, expected);
      done += k;
    }
  }

  static byte[] publish(byte[] payload) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64 + payload.length);
    b.writeBytes(("*3\r\n$7\r\nPUBLISH\r\n$" + CHANNEL.length() + "\r\n" + CHANNEL + "\r\n$" + payload.length + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(payload);
    b.writeBytes(new byte[] {'\r', '\n'});
    return b.toByteArray();
  }

  static void stamp(byte[] payload, long nanos) {
    byte[] t = String.format("%019d", nanos).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, payload, 0, t.length);
  }

  static void expectReply(InputStream in, byte[] expected) throws IOException {
    byte[] got = new byte[expected.length];
    for (int n = 0; n < got.length; ) {
      int r = in.read(got, n, got.length - n);
      if (r < 0) throw new IOException("publisher connection closed");
      n += r;
    }
    if (!Arrays.equals(got, expected)) {
      throw new IOException("PUBLISH answered " + new String(got, StandardCharsets.US_ASCII).trim()
          + ", expected " + new String(expected, StandardCharsets.US_ASCII).trim());
    }
  }
}
