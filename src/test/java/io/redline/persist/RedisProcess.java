package io.redline.persist;

import io.redline.testing.FreePort;
import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server 7.0 in a directory the test chooses (RedisOracle picks its own), so that RDB
 * files can move between it and Redline. Skips the calling test when there is no redis-server.
 */
final class RedisProcess implements AutoCloseable {
  private final Process process;
  final int port;
  final Path dir;

  private RedisProcess(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts redis-server with {@code dir} as its directory and persistence off unless {@code extra} says otherwise. */
  static RedisProcess start(Path dir, String... extra) throws IOException {
    RedisOracle.assumeAvailable();
    String exe = onPath("redis-server");
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = FreePort.find();
      List<String> cmd = new ArrayList<>(List.of(exe, "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
          "--logfile", dir.resolve("redis-" + port + ".log").toString(), "--enable-debug-command", "yes"));
      cmd.addAll(List.of(extra));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && p.isAlive()) {
        try (RawClient c = new RawClient("127.0.0.1", port, 1000)) {
          // LOADING while it reads a big file: wait for PONG.
          if (new String(c.call("PING")).equals("+PONG\r\n")) return new RedisProcess(p, port, dir);
        } catch (IOException notYet) {
          // still starting
        }
        sleep(20);
      }
      p.destroyForcibly();
      last = new IOException("redis-server did not start on port " + port);
    }
    throw last;
  }

  RawClient connect() throws IOException { return RawClient.connect(port); }

  /** The full path of {@code name} on PATH (next to redis-server for redis-check-rdb), or null. */
  static String onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String d : path.split(File.pathSeparator)) {
      File f = new File(d, name);
      if (f.canExecute()) return f.getAbsolutePath();
    }
    return null;
  }

  /** Runs redis-check-rdb on {@code file}; returns its exit code and output. */
  static String[] checkRdb(Path file) throws IOException, InterruptedException {
    String exe = onPath("redis-check-rdb");
    if (exe == null) return null;
    Process p = new ProcessBuilder(exe, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new String[] {"timeout", out};
    }
    return new String[] {String.valueOf(p.exitValue()), out};
  }

  @Override
  public void close() {
    try (RawClient c = connect()) {
      c.call("SHUTDOWN", "NOSAVE");
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
