package io.redline.modules.chat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads RESP2 replies from the server, however the bytes are split: simple strings and errors
 * become {@link Status}/{@link ErrorReply}, integers {@link Long}, bulk strings {@code byte[]}
 * (null for the null bulk), arrays {@code List<Object>} (null for the null array).
 */
final class RespReplyReader {
  record Status(String text) { }
  record ErrorReply(String text) { }

  private static final int MAX_DEPTH = 8;
  private Buffer pending = Buffer.buffer();
  private int pos;
  private final Consumer<Object> sink;

  RespReplyReader(Consumer<Object> sink) { this.sink = sink; }

  void feed(Buffer data) {
    pending.appendBuffer(data);
    while (true) {
      int start = pos;
      Object[] out = new Object[1];
      if (!read(out, 0)) {
        pos = start;
        break;
      }
      sink.accept(out[0]);
    }
    if (pos > 0) { // keep only the unread tail
      pending = pending.getBuffer(pos, pending.length());
      pos = 0;
    }
  }

  /** Reads one value into out[0]; false when more bytes are needed (pos is then meaningless). */
  private boolean read(Object[] out, int depth) {
    if (depth > MAX_DEPTH) throw new IllegalStateException("reply nested too deeply");
    int eol = lineEnd(pos);
    if (eol < 0) return false;
    byte type = pending.getByte(pos);
    String line = pending.getString(pos + 1, eol, "ISO-8859-1");
    pos = eol + 2;
    switch (type) {
      case '+' -> out[0] = new Status(line);
      case '-' -> out[0] = new ErrorReply(line);
      case ':' -> out[0] = Long.parseLong(line);
      case '$' -> {
        int len = Integer.parseInt(line);
        if (len < 0) {
          out[0] = null;
          return true;
        }
        if (pending.length() < pos + len + 2) return false;
        out[0] = pending.getBytes(pos, pos + len);
        pos += len + 2;
      }
      case '*' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          out[0] = null;
          return true;
        }
        List<Object> items = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          if (!read(out, depth + 1)) return false;
          items.add(out[0]);
        }
        out[0] = items;
      }
      default -> throw new IllegalStateException("unexpected reply type " + (char) type);
    }
    return true;
  }

  private int lineEnd(int from) {
    for (int i = from; i + 1 < pending.length(); i++) {
      if (pending.getByte(i) == '\r' && pending.getByte(i + 1) == '\n') return i;
    }
    return -1;
  }

  static String text(Object bulk) {
    return bulk instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(bulk);
  }
}
