package io.redline.diff;

import static org.junit.jupiter.api.Assertions.fail;

import io.redline.diff.DiffScript.Mode;
import io.redline.diff.DiffScript.Step;
import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.File;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case file in src/test/resources/diff/ and each module's src/test/resources/diff/ (or only those named in -Ddiff.files=a.txt,b.txt)
 * against a real redis-server and an in-process Redline, and fails a file if any reply differs
 * (listing every mismatch, with line, command and both replies). See {@link DiffScript} for the file format. One pair of servers serves the whole run;
 * each file gets fresh connections after FLUSHALL on both.
 *
 * <p>Strict by design: replies must be identical bytes unless the line says otherwise with a
 * prefix. A server closing the connection is itself a reply ("(connection closed)") and is
 * compared like one; a server that does not answer within the read timeout fails the file.
 */
class DifferentialTest {
  private static final byte[] CLOSED = "(connection closed)".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> SUBSCRIBE_FAMILY = Set.of(
      "subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ssubscribe", "sunsubscribe");
  private static final int MAX_REPORTED = 20;
  private static RedisOracle redis;
  private static RedlineInstance redline;

  @BeforeAll
  static void startServers() {
    RedisOracle.assumeAvailable();
    redis = new RedisOracle().start();
    redline = new RedlineInstance().start();
  }

  @AfterAll
  static void stopServers() {
    try {
      if (redis != null) redis.close();
    } finally {
      redis = null;
      if (redline != null) redline.close();
      redline = null;
    }
  }

  /**
   * After a server failed to answer in time it may still be busy with that command: later files
   * would fail for no fault of their own, so both servers are replaced before the next file.
   */
  private static void replaceServers() {
    System.out.println("a server did not answer in time: starting a fresh pair for the next file");
    try {
      stopServers();
    } catch (RuntimeException e) {
      System.out.println("stopping the old pair failed (continuing with a new one): " + e);
    }
    redis = new RedisOracle().start();
    redline = new RedlineInstance().start();
  }

  @TestFactory
  Stream<DynamicTest> caseFiles() throws IOException {
    List<Path> files = selectedFiles();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> run(f)));
  }

  /** The source folder when run from the project (so deleted or renamed files never linger), else the class path copy. */
  private static Path caseDirectory() {
    Path src = Path.of("src", "test", "resources", "diff");
    if (Files.isDirectory(src)) return src;
    URL url = DifferentialTest.class.getClassLoader().getResource("diff");
    if (url == null) throw new IllegalStateException("no diff/ directory on the test class path");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Case files of the core and of every module ({@code modules/<name>/src/test/resources/diff}). */
  private static List<Path> caseDirectories() throws IOException {
    List<Path> dirs = new ArrayList<>();
    dirs.add(caseDirectory());
    Path modules = Path.of("modules");
    if (Files.isDirectory(modules)) {
      try (Stream<Path> s = Files.list(modules)) {
        s.map(m -> m.resolve(Path.of("src", "test", "resources", "diff"))).filter(Files::isDirectory).sorted().forEach(dirs::add);
      }
    }
    return dirs;
  }

  private static List<Path> selectedFiles() throws IOException {
    List<Path> dirs = caseDirectories();
    String only = System.getProperty("diff.files", "").trim();
    if (!only.isEmpty()) {
      List<Path> out = new ArrayList<>();
      for (String name : only.split(",")) {
        String n = name.trim();
        if (n.isEmpty()) continue;
        n = new File(n).getName(); // accept "src/test/resources/diff/x.txt" as well as "x.txt"
        if (!n.endsWith(".txt")) n = n + ".txt";
        Path found = null;
        for (Path dir : dirs) if (Files.isRegularFile(dir.resolve(n))) found = dir.resolve(n);
        if (found == null) throw new IllegalArgumentException("-Ddiff.files names " + name + ", but no case directory " + dirs + " has it");
        out.add(found);
      }
      return out;
    }
    List<Path> all = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().forEach(all::add);
      }
    }
    return all;
  }

  private static boolean poisoned;

  private static void run(Path file) throws Exception {
    if (poisoned) {
      poisoned = false;
      replaceServers();
    }
    String name = file.getFileName().toString();
    List<Step> steps = DiffScript.parse(name, Files.readString(file, StandardCharsets.UTF_8));
    flushBoth(name);
    List<String> mismatches = new ArrayList<>();
    // Connections named by @client (pub/sub: a publisher beside a subscriber), "main" first.
    java.util.Map<String, Side[]> clients = new java.util.LinkedHashMap<>();
    try (RawClient a = redis.connect(); RawClient b = redline.connect()) {
      Side rs = new Side("redis", a);
      Side rl = new Side("redline", b);
      clients.put("main", new Side[] {rs, rl});
      for (Step step : steps) {
        if (step.mode() == Mode.SLEEP) {
          Thread.sleep(step.sleepMillis());
          continue;
        }
        if (step.mode() == Mode.CLIENT) {
          Side[] pair = clients.get(step.client());
          if (pair == null) {
            pair = new Side[] {new Side("redis", redis.connect()), new Side("redline", redline.connect())};
            clients.put(step.client(), pair);
          }
          rs = pair[0];
          rl = pair[1];
          continue;
        }
        boolean read = step.mode() == Mode.READ;
        if (!read) {
          rs.send(step.args());
          rl.send(step.args());
        }
        int replies = read ? step.count() : expectedReplies(step);
        for (int i = 0; i < replies; i++) {
          byte[] x = rs.read(name, step);
          byte[] y = rl.read(name, step);
          String why = differs(step.mode(), x, y, read ? 1 : pairedReply(step));
          if (why != null) mismatches.add(report(name, step, why, x, y, replies > 1 ? " (reply " + (i + 1) + " of " + replies + ")" : ""));
        }
      }
      // Anything still owed (an extra reply one server sent) shows up ahead of this PING's reply.
      Step end = new Step(0, "PING (sent after the last line: checks no extra replies are pending)",
          Mode.EXACT, List.of("PING".getBytes(StandardCharsets.US_ASCII)), 0);
      for (Side[] pair : clients.values()) {
        pair[0].send(end.args());
        pair[1].send(end.args());
        byte[] x = pair[0].read(name, end);
        byte[] y = pair[1].read(name, end);
        if (!Arrays.equals(x, y)) mismatches.add(report(name, end, "different output after the last line", x, y, ""));
      }
    } finally {
      for (Side[] pair : clients.values()) {
        for (Side s : pair) s.client.close(); // "main" is closed twice: harmless
      }
    }
    if (!mismatches.isEmpty()) {
      // All of them, not just the first: later ones may be knock-on effects, but often are not.
      int shown = Math.min(mismatches.size(), MAX_REPORTED);
      fail(mismatches.size() + " mismatch(es) in " + name + (shown < mismatches.size() ? ", first " + shown + " shown" : "")
          + "\n" + String.join("\n", mismatches.subList(0, shown)));
    }
  }

  /** A (P|S)(UN)SUBSCRIBE with k channels answers with k frames; everything else with one reply. */
  private static int expectedReplies(Step step) {
    if (SUBSCRIBE_FAMILY.contains(step.commandName()) && step.args().size() > 2) return step.args().size() - 1;
    return 1;
  }

  private static void flushBoth(String name) throws IOException {
    for (Side s : new Side[] {new Side("redis", redis.connect()), new Side("redline", redline.connect())}) {
      try (RawClient c = s.client) {
        byte[] r;
        try {
          r = c.call("FLUSHALL");
        } catch (SocketTimeoutException e) {
          poisoned = true;
          fail(name + ": FLUSHALL on " + s.label + " got no reply in time");
          return;
        }
        String text = new String(r, StandardCharsets.ISO_8859_1);
        if (s.label.equals("redline") && text.startsWith("-ERR unknown command")) {
          // Until FLUSHALL is served, an empty dataset comes from a fresh server instead.
          System.out.println(name + ": Redline has no FLUSHALL yet: using a fresh Redline for this file");
          redline.close();
          redline = new RedlineInstance().start();
        } else if (!text.equals("+OK\r\n")) {
          fail(name + ": cannot start from an empty dataset: FLUSHALL on " + s.label + " replied " + Escape.reply(r));
        }
      }
    }
  }

  /**
   * 2 for commands whose RESP2 reply is a flat list of pairs (field/value, member/score), so an
   * unordered comparison keeps each pair together; 1 otherwise.
   */
  static int pairedReply(Step step) {
    String name = step.commandName();
    if (name.equals("hgetall")) return 2;
    if (name.equals("config") && step.args().size() > 1 && new String(step.args().get(1), StandardCharsets.UTF_8).equalsIgnoreCase("get")) return 2;
    for (byte[] a : step.args()) {
      String w = new String(a, StandardCharsets.UTF_8);
      if (w.equalsIgnoreCase("withscores") || w.equalsIgnoreCase("withvalues")) return 2;
    }
    return 1;
  }

  /** Null if the replies agree under {@code mode}, else a short reason. */
  static String differs(Mode mode, byte[] x, byte[] y, int group) {
    if (Arrays.equals(x, y)) return null;
    switch (mode) {
      case TYPE_ONLY -> {
        if (x.length > 0 && y.length > 0 && x[0] == y[0] && !Arrays.equals(x, CLOSED) && !Arrays.equals(y, CLOSED)) return null;
        return "RESP types differ";
      }
      case UNORDERED -> {
        if (Arrays.equals(x, CLOSED) || Arrays.equals(y, CLOSED)) return "replies differ";
        byte[] ux = RespReply.parse(x).unorderedForm(group);
        byte[] uy = RespReply.parse(y).unorderedForm(group);
        return Arrays.equals(ux, uy) ? null : "replies differ even as unordered collections";
      }
      default -> {
        return "replies differ";
      }
    }
  }

  private static String report(String file, Step step, String why, byte[] redisReply, byte[] redlineReply, String which) {
    return file + ":" + step.lineNo() + ": " + why + which + "\n"
        + "  command: " + step.text() + "\n"
        + "  redis:   " + Escape.reply(redisReply) + "\n"
        + "  redline: " + Escape.reply(redlineReply) + firstDifference(redisReply, redlineReply);
  }

  /** For long replies the printed heads may agree: then show where they part. */
  private static String firstDifference(byte[] x, byte[] y) {
    int at = Arrays.mismatch(x, y);
    if (at < 1000) return "";
    int from = Math.max(0, at - 40);
    return "\n  first difference at byte " + at + " (redis " + x.length + " bytes, redline " + y.length + " bytes):"
        + "\n    redis:   ..." + Escape.bytes(x, from, Math.max(0, Math.min(x.length - from, 120)), 120)
        + "\n    redline: ..." + Escape.bytes(y, from, Math.max(0, Math.min(y.length - from, 120)), 120);
  }

  /** One server's connection for a file; remembers when the server has closed it. */
  private static final class Side {
    final String label;
    final RawClient client;
    boolean closed;

    Side(String label, RawClient client) {
      this.label = label;
      this.client = client;
    }

    void send(List<byte[]> args) {
      if (closed) return;
      try {
        client.send(args.toArray(new byte[0][]));
      } catch (IOException e) {
        closed = true; // the read that follows reports it as "(connection closed)"
      }
    }

    byte[] read(String file, Step step) {
      if (closed) return CLOSED;
      try {
        return client.readRaw();
      } catch (SocketTimeoutException e) {
        poisoned = true;
        String hint = label.equals("redis") ? "\n  (redis-server itself hangs on this line: the case is not valid against the oracle)" : "";
        fail(file + ":" + step.lineNo() + ": " + label + " sent no complete reply in time\n  command: " + step.text()
            + "\n  " + e.getMessage() + hint);
        return null;
      } catch (RawClient.Closed e) {
        closed = true;
        if (e.partial.length == 0) return CLOSED;
        return ("(connection closed in the middle of a reply: " + Escape.reply(e.partial) + ")").getBytes(StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        closed = true; // connection reset: the server is gone from this connection
        return CLOSED;
      }
    }
  }
}
