/*
 * Pub/sub fan-out over RESP: 1 publisher, N subscribers (default 1,000) on one channel.
 *
 *   java perf/fanout-bench.java --port 6379 [--subscribers 1000] [--messages 20000] [--size 64]
 *        [--window 64] [--rate 200] [--seconds 3] [--readers 4]
 *
 * Two phases against the server on --port:
 *   1. throughput: --messages PUBLISHes, --window of them in flight at a time, as fast as the
 *      server takes them; messages/s = messages / (first publish .. last delivery to the last
 *      subscriber), deliveries/s = that times N. Every PUBLISH must answer exactly N.
 *   2. latency: --rate PUBLISHes a second for --seconds; each payload carries its send time
 *      (System.nanoTime, same process), so delivery latency is exact per message and subscriber:
 *      p50 / p99 / max over all deliveries.
 * Prints one line: "fanout subscribers=.. msgs_per_s=.. deliveries_per_s=.. p50_ms=.. p99_ms=.. max_ms=..".
 *
 * Subscribers are plain non-blocking sockets spread over --readers selector threads. Every
 * message frame has the same length (fixed channel and payload size), so a reader only counts
 * bytes and reads the timestamp at a fixed offset: the client costs little next to the server.
 * Only the JDK is needed (Java 17: run the source file directly).
 */
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public class FanoutBench {
  static final String CHANNEL = "fanout-bench";

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    int port = Integer.parseInt(a.getOrDefault("port", "6379"));
    int subscribers = Integer.parseInt(a.getOrDefault("subscribers", "1000"));
    int messages = Integer.parseInt(a.getOrDefault("messages", "20000"));
    int size = Math.max(24, Integer.parseInt(a.getOrDefault("size", "64")));
    int window = Integer.parseInt(a.getOrDefault("window", "64"));
    int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "3"));
    int readerCount = Integer.parseInt(a.getOrDefault("readers", "4"));

    byte[] prefix = ("*3\r\n$7\r\nmessage\r\n$" + CHANNEL.length() + "\r\n" + CHANNEL + "\r\n$" + size + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    int frame = prefix.length + size + 2;
    int latencySamples = rate * seconds * subscribers;

    Reader[] readers = new Reader[readerCount];
    for (int i = 0; i < readerCount; i++) readers[i] = new Reader(frame, prefix.length, latencySamples / readerCount + subscribers);
    for (int i = 0; i < subscribers; i++) readers[i % readerCount].add(subscribe(port));
    for (Reader r : readers) r.start();

    try (Socket pub = new Socket()) {
      pub.setTcpNoDelay(true);
      pub.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = pub.getOutputStream();
      InputStream in = new java.io.BufferedInputStream(pub.getInputStream(), 1 << 16);
      byte[] expected = (":" + subscribers + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] payload = new byte[size];
      Arrays.fill(payload, (byte) '.');

      // Warm-up (the JIT, on both sides), not measured.
      phase(readers, false);
      publishBurst(out, in, payload, Math.min(messages, 2000), window, expected);
      awaitDeliveries(readers, (long) Math.min(messages, 2000) * subscribers);

      // 1. Throughput.
      phase(readers, false);
      long t0 = System.nanoTime();
      publishBurst(out, in, payload, messages, window, expected);
      awaitDeliveries(readers, (long) messages * subscribers);
      double secs = (lastDelivery(readers) - t0) / 1e9;

      // 2. Latency at a fixed rate.
      phase(readers, true);
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
      awaitDeliveries(readers, (long) sent * subscribers);
      long[] lat = latencies(readers);
      Arrays.sort(lat);
      System.out.printf(Locale.ROOT,
          "fanout subscribers=%d messages=%d size=%d msgs_per_s=%.0f deliveries_per_s=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
          subscribers, messages, size, messages / secs, messages * (double) subscribers / secs,
          pct(lat, 0.50), pct(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    }
    for (Reader r : readers) r.interrupt();
    System.exit(0);
  }

  static void publishBurst(OutputStream out, InputStream in, byte[] payload, int n, int window, byte[] expected) throws IOException {
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    int done = 0;
    while (done < n) {
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

  /** The send time, as 19 decimal digits at the start of the payload. */
  static void stamp(byte[] payload, long nanos) {
    byte[] t = String.format("%019d", nanos).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, payload, 0, t.length);
  }

  static void expectReply(InputStream in, byte[] expected) throws IOException {
    byte[] got = new byte[expected.length];
    int n = 0;
    while (n < got.length) {
      int r = in.read(got, n, got.length - n);
      if (r < 0) throw new IOException("publisher connection closed");
      n += r;
    }
    if (!Arrays.equals(got, expected)) {
      throw new IllegalStateException("PUBLISH answered " + new String(got, StandardCharsets.US_ASCII).trim()
          + ", expected " + new String(expected, StandardCharsets.US_ASCII).trim());
    }
  }

  static SocketChannel subscribe(int port) throws IOException {
    SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    ch.socket().setTcpNoDelay(true);
    byte[] cmd = ("*2\r\n$9\r\nSUBSCRIBE\r\n$" + CHANNEL.length() + "\r\n" + CHANNEL + "\r\n").getBytes(StandardCharsets.US_ASCII);
    ch.write(ByteBuffer.wrap(cmd));
    byte[] want = ("*3\r\n$9\r\nsubscribe\r\n$" + CHANNEL.length() + "\r\n" + CHANNEL + "\r\n:1\r\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer got = ByteBuffer.allocate(want.length);
    while (got.hasRemaining()) if (ch.read(got) < 0) throw new IOException("closed while subscribing");
    if (!Arrays.equals(got.array(), want)) throw new IllegalStateException("unexpected subscribe reply");
    ch.configureBlocking(false);
    return ch;
  }

  static void phase(Reader[] readers, boolean record) {
    for (Reader r : readers) r.reset(record);
  }

  static void awaitDeliveries(Reader[] readers, long total) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      long n = 0;
      for (Reader r : readers) n += r.delivered.get();
      if (n >= total) return;
      if (System.nanoTime() > deadline) throw new IllegalStateException("only " + n + " of " + total + " deliveries arrived");
      Thread.sleep(1);
    }
  }

  static long lastDelivery(Reader[] readers) {
    long t = 0;
    for (Reader r : readers) t = Math.max(t, r.lastNanos);
    return t;
  }

  static long[] latencies(Reader[] readers) {
    int n = 0;
    for (Reader r : readers) n += r.samples;
    long[] all = new long[n];
    int at = 0;
    for (Reader r : readers) {
      System.arraycopy(r.latency, 0, all, at, r.samples);
      at += r.samples;
    }
    return all;
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** A selector thread reading a share of the subscribers; counts frames, records latencies. */
  static final class Reader extends Thread {
    final int frame;
    final int stampAt;
    final List<SocketChannel> channels = new ArrayList<>();
    final AtomicLong delivered = new AtomicLong();
    final long[] latency;
    volatile int samples;
    volatile boolean record;
    volatile long lastNanos;

    Reader(int frame, int stampAt, int capacity) {
      super("fanout-reader");
      setDaemon(true);
      this.frame = frame;
      this.stampAt = stampAt;
      this.latency = new long[capacity];
    }

    void add(SocketChannel ch) { channels.add(ch); }

    void reset(boolean rec) {
      delivered.set(0);
      samples = 0;
      record = rec;
    }

    @Override
    public void run() {
      try (Selector sel = Selector.open()) {
        for (SocketChannel ch : channels) ch.register(sel, SelectionKey.OP_READ, new int[] {0});
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        byte[] digits = new byte[19];
        while (!isInterrupted()) {
          sel.select(100);
          for (SelectionKey k : sel.selectedKeys()) {
            SocketChannel ch = (SocketChannel) k.channel();
            int[] pos = (int[]) k.attachment(); // offset within the current frame
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) throw new IOException("a subscriber was disconnected");
            long now = System.nanoTime();
            buf.flip();
            int frames = 0;
            while (buf.hasRemaining()) {
              int take = Math.min(frame - pos[0], buf.remaining());
              // A frame whose timestamp straddles two reads goes unsampled (rare; counted all the same).
              if (record && pos[0] <= stampAt && pos[0] + take >= stampAt + 19) {
                int p = buf.position() + (stampAt - pos[0]);
                for (int i = 0; i < 19; i++) digits[i] = buf.get(p + i);
                long sent = Long.parseLong(new String(digits, StandardCharsets.US_ASCII));
                int s = samples;
                if (s < latency.length) {
                  latency[s] = now - sent;
                  samples = s + 1;
                }
              }
              buf.position(buf.position() + take);
              pos[0] += take;
              if (pos[0] == frame) {
                pos[0] = 0;
                frames++;
              }
            }
            if (frames > 0) {
              lastNanos = now;
              delivered.addAndGet(frames);
            }
          }
          sel.selectedKeys().clear();
        }
      } catch (IOException e) {
        e.printStackTrace();
        System.exit(2);
      }
    }
  }
}
