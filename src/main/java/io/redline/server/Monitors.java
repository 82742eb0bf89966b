package io.redline.server;

import io.redline.command.CommandSpec;
import io.redline.config.ServerConfig;
import io.redline.protocol.Args;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * MONITOR: every command the server runs, as a line to each monitoring client, in Redis's format
 * ({@code +1339518083.107412 [0 127.0.0.1:60866] "keys" "*"}, arguments quoted as sdscatrepr
 * does, secrets redacted). Commands run on every loop and the script worker, so each monitor
 * gets its lines through its own loop (docs/monitor.md). With no monitor, a command costs one
 * volatile read here.
 */
public final class Monitors {
  private final CopyOnWriteArrayList<ClientConnection> monitors = new CopyOnWriteArrayList<>();
  private final ServerConfig config;

  Monitors(ServerConfig config) {
    this.config = config;
  }

  /** MONITOR: false when the client monitors already (Redis then answers nothing). Client's loop. */
  public boolean add(ClientConnection c) {
    return monitors.addIfAbsent(c);
  }

  void remove(ClientConnection c) { monitors.remove(c); }

  boolean active() { return !monitors.isEmpty(); }

  /**
   * A command ran (or, for a script, is about to: the commands it calls come after it) in
   * database {@code db} for the client at {@code address} ("lua" for a script's calls). Not fed:
   * admin commands (CONFIG, MONITOR itself...), as in Redis. Any thread.
   */
  void feed(CommandSpec spec, Args args, int db, String address) {
    if (monitors.isEmpty() || spec.hasFlag("admin")) return;
    byte[] line = line(spec, args, db, address);
    for (ClientConnection m : monitors) m.monitorLine(line);
  }

  /** A command a script called (redis.call): shown with the address "lua", as Redis does. Any thread. */
  public void feedScriptCall(CommandSpec spec, Args args, int db) {
    feed(spec, args, db, "lua");
  }

  private byte[] line(CommandSpec spec, Args args, int db, String address) {
    Instant now = Instant.now();
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    String head = String.format("+%d.%06d [%d %s]", now.getEpochSecond(), now.getNano() / 1000, db, address);
    b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    boolean[] redact = Redaction.secrets(spec, args, config);
    for (int i = 0; i < args.size(); i++) {
      b.write(' ');
      if (redact != null && redact[i]) repr(b, Redaction.REDACTED, 0, Redaction.REDACTED.length);
      else repr(b, args.buffer(), args.offset(i), args.length(i));
    }
    b.write('\r');
    b.write('\n');
    return b.toByteArray();
  }

  /** Redis's sdscatrepr: a quoted string with \\, \" and the control characters escaped. */
  static void repr(ByteArrayOutputStream out, byte[] s, int off, int len) {
    out.write('"');
    for (int i = off; i < off + len; i++) {
      int c = s[i] & 0xff;
      switch (c) {
        case '\\' -> { out.write('\\'); out.write('\\'); }
        case '"' -> { out.write('\\'); out.write('"'); }
        case '\n' -> { out.write('\\'); out.write('n'); }
        case '\r' -> { out.write('\\'); out.write('r'); }
        case '\t' -> { out.write('\\'); out.write('t'); }
        case 7 -> { out.write('\\'); out.write('a'); }
        case '\b' -> { out.write('\\'); out.write('b'); }
        default -> {
          if (c >= 0x20 && c < 0x7f) out.write(c);
          else out.writeBytes(String.format("\\x%02x", c).getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
    out.write('"');
  }
}
