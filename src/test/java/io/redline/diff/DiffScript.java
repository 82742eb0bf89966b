package io.redline.diff;

import io.redline.testing.CliArgs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One differential case file, parsed: each non-blank, non-comment line is a command (split with
 * redis-cli's quoting rules) with its comparison mode, or an {@code @sleep <ms>} pause.
 *
 * <pre>
 * # comment                 ignored, as are blank lines
 * SET k v                   replies must be identical bytes
 * ~ SMEMBERS s              an aggregate whose element order is unspecified: sorted multisets
 * ? RANDOMKEY               nondeterministic: only the RESP type must match
 * &#64;sleep 120               pause both connections for 120 ms
 * &#64;client sub              later lines go to the connection named "sub" (opened on first use,
 *                           one per server); "main" is the one every file starts with
 * &#64;read 2                  read 2 more replies (1 if no count) on the current connection and
 *                           compare them: pub/sub messages pushed there by another connection
 * </pre>
 */
final class DiffScript {
  enum Mode { EXACT, UNORDERED, TYPE_ONLY, SLEEP, CLIENT, READ }

  /** A line to run: {@code args} for commands, {@code sleepMillis} for {@link Mode#SLEEP}. */
  record Step(int lineNo, String text, Mode mode, List<byte[]> args, long sleepMillis, String client, int count) {
    Step(int lineNo, String text, Mode mode, List<byte[]> args, long sleepMillis) {
      this(lineNo, text, mode, args, sleepMillis, null, 0);
    }

    String commandName() { return new String(args.get(0), StandardCharsets.UTF_8).toLowerCase(); }
  }

  private DiffScript() {}

  /** Parses a whole file; a malformed line fails with its file and line number. */
  static List<Step> parse(String fileName, String content) {
    List<Step> steps = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      try {
        steps.add(parseLine(lineNo, t));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(fileName + ":" + lineNo + ": " + e.getMessage() + "\n  line: " + line, e);
      }
    }
    return steps;
  }

  private static Step parseLine(int lineNo, String t) {
    if (t.startsWith("@")) {
      String[] w = t.split("\\s+");
      if (w[0].equals("@sleep") && w.length == 2) {
        try {
          long ms = Long.parseLong(w[1]);
          if (ms >= 0) return new Step(lineNo, t, Mode.SLEEP, List.of(), ms);
        } catch (NumberFormatException e) {
          // falls through to the error below
        }
      }
      if (w[0].equals("@client") && w.length == 2) return new Step(lineNo, t, Mode.CLIENT, List.of(), 0, w[1], 0);
      if (w[0].equals("@read") && w.length <= 2) {
        try {
          int n = w.length == 2 ? Integer.parseInt(w[1]) : 1;
          if (n > 0) return new Step(lineNo, t, Mode.READ, List.of(), 0, null, n);
        } catch (NumberFormatException e) {
          // falls through to the error below
        }
      }
      throw new IllegalArgumentException("unknown directive (only '@sleep <ms>', '@client <name>' and '@read [n]' exist)");
    }
    Mode mode = Mode.EXACT;
    String cmd = t;
    if (t.startsWith("~ ")) {
      mode = Mode.UNORDERED;
      cmd = t.substring(2);
    } else if (t.startsWith("? ")) {
      mode = Mode.TYPE_ONLY;
      cmd = t.substring(2);
    }
    List<byte[]> args = CliArgs.split(cmd);
    if (args.isEmpty()) throw new IllegalArgumentException("a prefix with no command");
    return new Step(lineNo, t, mode, args, 0);
  }
}
