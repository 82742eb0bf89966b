package io.redline.server;

import io.redline.command.CommandSpec;
import io.redline.config.ServerConfig;
import io.redline.protocol.Args;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SLOWLOG: the last {@code slowlog-max-len} commands that ran at least
 * {@code slowlog-log-slower-than} microseconds, newest first, with Redis's entry shape and
 * truncation rules (docs/slowlog.md). Commands run on every event loop and the script worker, so
 * the list has its own lock, taken only for a command that was slow.
 */
public final class SlowLog {
  /** Redis's SLOWLOG_ENTRY_MAX_ARGC and SLOWLOG_ENTRY_MAX_STRING. */
  private static final int MAX_ARGS = 32;
  private static final int MAX_STRING = 128;

  /** One logged command: Unix seconds, microseconds it ran, its (truncated) arguments, client address and name. */
  public record Entry(long id, long timestamp, long micros, byte[][] args, String address, String name) { }

  private final ServerConfig config;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long nextId;
  private volatile long slowerThan;
  private volatile long maxLength;

  SlowLog(ServerConfig config) {
    this.config = config;
    slowerThan = config.getLong("slowlog-log-slower-than");
    maxLength = config.getLong("slowlog-max-len");
    config.onChange("slowlog-log-slower-than", v -> slowerThan = Long.parseLong(v));
    config.onChange("slowlog-max-len", v -> maxLength = Long.parseLong(v));
  }

  /** After a command ran for {@code micros} (not one called by a script, nor EXEC itself: skip_slowlog). */
  void record(CommandSpec spec, Args args, long micros, ClientConnection client) {
    long threshold = slowerThan;
    if (threshold < 0 || micros < threshold || spec.hasFlag("skip_slowlog")) return;
    byte[][] argv = loggedArgs(spec, args);
    long now = System.currentTimeMillis() / 1000;
    synchronized (this) {
      entries.addFirst(new Entry(nextId++, now, micros, argv, client.address(), client.name()));
      while (entries.size() > maxLength) entries.removeLast(); // as Redis: a smaller max applies at the next entry
    }
  }

  /** The newest {@code count} entries (all when negative), newest first. */
  public synchronized List<Entry> newest(long count) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (count >= 0 && out.size() >= count) break;
      out.add(e);
    }
    return out;
  }

  public synchronized int length() { return entries.size(); }

  public synchronized void reset() { entries.clear(); }

  /**
   * The arguments as Redis logs them: at most 32 (the last one then says how many more there
   * were), each at most 128 bytes (then how many more bytes), secrets replaced by "(redacted)".
   */
  private byte[][] loggedArgs(CommandSpec spec, Args args) {
    int argc = args.size();
    boolean[] redact = Redaction.secrets(spec, args, config);
    int kept = Math.min(argc, MAX_ARGS);
    byte[][] out = new byte[kept][];
    for (int j = 0; j < kept; j++) {
      if (kept != argc && j == kept - 1) {
        out[j] = ("... (" + (argc - kept + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
      } else if (redact != null && redact[j]) {
        out[j] = Redaction.REDACTED;
      } else if (args.length(j) > MAX_STRING) {
        byte[] head = Arrays.copyOfRange(args.buffer(), args.offset(j), args.offset(j) + MAX_STRING);
        byte[] tail = ("... (" + (args.length(j) - MAX_STRING) + " more bytes)").getBytes(StandardCharsets.US_ASCII);
        out[j] = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out[j], head.length, tail.length);
      } else {
        out[j] = args.bytes(j);
      }
    }
    return out;
  }
}
