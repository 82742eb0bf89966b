package io.redline.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for a test class, the oracle Redline is compared with: started on a free
 * port in a temporary directory with persistence off, stopped after the class.
 *
 * <p>Use as {@code @RegisterExtension static final RedisOracle REDIS = new RedisOracle();}, or
 * {@link #start()}/{@link #close()} by hand. Where no redis-server can be found (not on PATH, or
 * not at {@code -Dredis.server=/path}), the tests are skipped, with the reason printed.
 */
public final class RedisOracle implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private Process process;
  private Path dir;
  private int port;

  /** Why no oracle can run here, or null if one can. */
  public static String unavailableReason() {
    String exe = executable();
    if (exe == null) return "redis-server not found on PATH (set -Dredis.server=/path/to/redis-server)";
    return null;
  }

  private static String executable() {
    String explicit = System.getProperty("redis.server");
    if (explicit != null && !explicit.isBlank()) return new File(explicit).canExecute() ? explicit : null;
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String d : path.split(File.pathSeparator)) {
      File f = new File(d, "redis-server");
      if (f.canExecute()) return f.getAbsolutePath();
    }
    return null;
  }

  /** Aborts the calling test (a skip, not a failure) when there is no redis-server. */
  public static void assumeAvailable() {
    String why = unavailableReason();
    if (why != null) {
      System.out.println("SKIPPED (no oracle): " + why);
      Assumptions.abort(why);
    }
  }

  /** Starts the server, or aborts (skips) the calling test if there is none to start. */
  public RedisOracle start() {
    assumeAvailable();
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        startOnce(FreePort.find());
        return this;
      } catch (IOException e) {
        last = e; // most likely the free port was taken meanwhile: try another
        stopProcess();
      }
    }
    throw new IllegalStateException("could not start redis-server: " + last.getMessage(), last);
  }

  private void startOnce(int p) throws IOException {
    dir = Files.createTempDirectory("redis-oracle");
    Path log = dir.resolve("redis.log");
    List<String> cmd = List.of(executable(), "--port", String.valueOf(p), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
        "--logfile", log.toString());
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    // If the test JVM ends without close() (a crash, a failing @AfterAll), the server must not outlive it.
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "redis-oracle-reaper"));
    port = p;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IOException("redis-server exited: " + tail(log));
      try (RawClient c = new RawClient("127.0.0.1", p, 1000)) {
        if (new String(c.call("PING")).equals("+PONG\r\n")) return;
      } catch (IOException notYet) {
        // still starting
      }
      sleep(20);
    }
    throw new IOException("redis-server did not answer PING within 10s: " + tail(log));
  }

  private static String tail(Path log) {
    try {
      String s = Files.exists(log) ? Files.readString(log) : "(no log)";
      return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  public int port() { return port; }

  public RawClient connect() throws IOException { return RawClient.connect(port); }

  @Override
  public void close() {
    stopProcess();
  }

  private void stopProcess() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    if (dir != null) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException ignored) {
        // A temp dir left behind is harmless.
      }
      dir = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) { start(); }

  @Override
  public void afterAll(ExtensionContext context) { close(); }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
