package io.redline.testing;

import io.redline.server.RedlineServer;
import io.redline.util.Crc16;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Redline started in this JVM on a free port with 4 shards (so keys spread over shards and the
 * cross-shard paths run), for a test class: {@code @RegisterExtension static final
 * RedlineInstance REDLINE = new RedlineInstance();}, or {@link #start()}/{@link #close()} by hand.
 */
public final class RedlineInstance implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  public static final int SHARDS = 4;
  private final String[] extraArgs;
  private RedlineServer server;
  private int port;

  /** {@code extraArgs} are more command-line options, e.g. "--requirepass", "secret". */
  public RedlineInstance(String... extraArgs) {
    this.extraArgs = extraArgs;
  }

  public RedlineInstance start() {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int p = FreePort.find();
      // As RedisOracle: no save points and a directory of its own, so no test reads or writes a
      // dump.rdb in the working directory (extraArgs may still set save points or another dir).
      String[] args = new String[8 + extraArgs.length];
      args[0] = "--port";
      args[1] = String.valueOf(p);
      args[2] = "--shards";
      args[3] = String.valueOf(SHARDS);
      args[4] = "--save";
      args[5] = "";
      args[6] = "--dir";
      args[7] = dataDir().toString();
      System.arraycopy(extraArgs, 0, args, 8, extraArgs.length);
      try {
        server = RedlineServer.start(args); // blocks until listening
        port = server.port();
        return this;
      } catch (RuntimeException e) {
        last = e; // most likely the port was taken meanwhile: try another
      }
    }
    throw last;
  }

  public int port() { return port; }

  private java.nio.file.Path dataDir;

  /** This instance's directory (the default for dump.rdb); deleted by {@link #close}. */
  public java.nio.file.Path dataDir() {
    if (dataDir == null) {
      try {
        dataDir = java.nio.file.Files.createTempDirectory("redline-test");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return dataDir;
  }

  public RedlineServer server() { return server; }

  public RawClient connect() throws IOException { return RawClient.connect(port); }

  /** The shard this running server routes {@code key} to (CRC16 slot, then the server's own router). */
  public int shardOf(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int viaRouter = server.context().router().shardOf(k);
    int slot = Crc16.keySlot(k);
    if (server.context().router().shardOfSlot(slot) != viaRouter) throw new IllegalStateException("router disagrees with its slot map for " + key);
    return viaRouter;
  }

  /** How many distinct shards the keys land on. */
  public int shardsSpanned(String... keys) {
    java.util.Set<Integer> s = new java.util.HashSet<>();
    for (String k : keys) s.add(shardOf(k));
    return s.size();
  }

  @Override
  public void close() {
    RedlineServer s = server;
    server = null;
    if (s != null) s.stop(); // may throw if an event loop is stuck; the instance is dropped either way
    if (dataDir != null) {
      try (var files = java.nio.file.Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir left behind is harmless
      }
      dataDir = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) { start(); }

  @Override
  public void afterAll(ExtensionContext context) { close(); }
}
