package io.redline.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a {@link RespParser} made of some input: the commands it delivered (arguments as Latin-1
 * text, one char per byte) and the protocol error it stopped with, if any. Feeding helpers split
 * the input into chunks, parsing after each, as a connection does after each read.
 *
 * <p>Each run happens on a guard thread: a parser that loops forever or exhausts memory fails
 * the test with an AssertionError, instead of hanging the run or killing the test JVM (JUnit
 * treats OutOfMemoryError as fatal to the whole run).
 */
final class ParserRun {
  private static final long GUARD_SECONDS = 10;
  private static final ExecutorService GUARD = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "parser-guard");
    t.setDaemon(true);
    return t;
  });
  final List<List<String>> commands = new ArrayList<>();
  String error;

  static ParserRun whole(byte[] input) {
    return chunked(new RespParser(512L * 1024 * 1024), input, new int[] {input.length});
  }

  /** Feeds {@code input} in pieces of the given sizes (the last piece takes what is left). */
  static ParserRun chunked(RespParser p, byte[] input, int[] sizes) {
    Future<ParserRun> f = GUARD.submit(() -> {
      try {
        return unguarded(p, input, sizes);
      } catch (OutOfMemoryError e) {
        // Caught here, on this thread, so the runaway's memory is released and the JVM lives on.
        throw new AssertionError("parser ran out of memory on a " + input.length + "-byte input (runaway loop?)", e);
      }
    });
    try {
      return f.get(GUARD_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("parser did not finish within " + GUARD_SECONDS + " s on a " + input.length
          + "-byte input (runaway loop?)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError a) throw a;
      throw new AssertionError("parser threw " + e.getCause() + " (only ProtocolException is allowed)", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static ParserRun unguarded(RespParser p, byte[] input, int[] sizes) {
    ParserRun run = new ParserRun();
    int off = 0;
    for (int i = 0; off < input.length; i++) {
      int n = i < sizes.length ? Math.min(sizes[i], input.length - off) : input.length - off;
      if (!run.feed(p, input, off, n)) return run;
      off += n;
    }
    return run;
  }

  static ParserRun splitAt(byte[] input, int at) {
    return chunked(new RespParser(512L * 1024 * 1024), input, new int[] {at, input.length - at});
  }

  static ParserRun byteByByte(byte[] input) {
    int[] ones = new int[input.length];
    java.util.Arrays.fill(ones, 1);
    return chunked(new RespParser(512L * 1024 * 1024), input, ones);
  }

  /** Feeds and parses one piece; false once the parser has failed (a connection would close). */
  boolean feed(RespParser p, byte[] input, int off, int n) {
    p.feed(input, off, n);
    try {
      p.parse(args -> {
        List<String> c = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) c.add(new String(args.bytes(i), StandardCharsets.ISO_8859_1));
        commands.add(c);
        return true;
      });
      return true;
    } catch (ProtocolException e) {
      error = e.getMessage();
      return false;
    }
  }

  static List<String> cmd(String... args) { return List.of(args); }

  static byte[] bytes(String latin1) { return latin1.getBytes(StandardCharsets.ISO_8859_1); }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParserRun r && r.commands.equals(commands) && Objects.equals(r.error, error);
  }

  @Override
  public int hashCode() { return commands.hashCode(); }

  @Override
  public String toString() {
    return commands.size() + " command(s)" + (error == null ? "" : ", then error: " + error);
  }

  /** Fails with the first command that differs, shown escaped and cut short; null-safe on errors too. */
  static void assertSame(List<List<String>> expected, String expectedError, ParserRun actual, String context) {
    for (int i = 0; i < Math.max(expected.size(), actual.commands.size()); i++) {
      List<String> e = i < expected.size() ? expected.get(i) : null;
      List<String> a = i < actual.commands.size() ? actual.commands.get(i) : null;
      if (!Objects.equals(e, a)) {
        throw new AssertionError(context + ": command " + i + " differs\n  expected: " + show(e) + "\n  actual:   " + show(a)
            + "\n  (expected " + expected.size() + " command(s), got " + actual.commands.size() + ")");
      }
    }
    if (!Objects.equals(expectedError, actual.error)) {
      throw new AssertionError(context + ": expected error <" + expectedError + "> but was <" + actual.error + ">");
    }
  }

  static void assertSame(ParserRun expected, ParserRun actual, String context) {
    assertSame(expected.commands, expected.error, actual, context);
  }

  private static String show(List<String> c) {
    if (c == null) return "(none)";
    StringBuilder s = new StringBuilder("[");
    for (String a : c) {
      byte[] b = a.getBytes(StandardCharsets.ISO_8859_1);
      s.append(s.length() > 1 ? ", " : "").append(io.redline.testing.Escape.bytes(b, 0, b.length, 60));
    }
    return s.append(']').toString();
  }
}
