package io.redline.modules.lua;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RESP reply a command wrote for redis.call back into a {@link ScriptReply}. The bytes
 * come from Redline's own writer, so the input is well formed; any type RESP2/RESP3 has is read.
 */
public final class ScriptReplies {
  private final byte[] b;
  private int pos;

  private ScriptReplies(byte[] b) { this.b = b; }

  public static ScriptReply read(byte[] reply) {
    return new ScriptReplies(reply).value();
  }

  private ScriptReply value() {
    byte type = b[pos++];
    String line = line();
    switch (type) {
      case '+': return ScriptReply.status(line.getBytes(StandardCharsets.ISO_8859_1));
      case '-': return ScriptReply.error(line.getBytes(StandardCharsets.ISO_8859_1));
      case ':': return ScriptReply.integer(Long.parseLong(line));
      case '_': return ScriptReply.nil();
      case '#': return ScriptReply.bool(line.equals("t"));
      case ',': return ScriptReply.dbl(parseDouble(line));
      case '(': return ScriptReply.bigNumber(line);
      case '$': {
        int n = Integer.parseInt(line);
        if (n < 0) return ScriptReply.nullBulk();
        return ScriptReply.bulk(take(n));
      }
      case '=': {
        byte[] all = take(Integer.parseInt(line));
        byte[] text = java.util.Arrays.copyOfRange(all, 4, all.length);
        return ScriptReply.verbatim(new String(all, 0, 3, StandardCharsets.ISO_8859_1), text);
      }
      case '*': case '~': case '>': case '%': {
        int n = Integer.parseInt(line);
        if (n < 0) return ScriptReply.nullArray();
        int count = type == '%' ? 2 * n : n;
        List<ScriptReply> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) items.add(value());
        if (type == '%') return ScriptReply.map(items);
        if (type == '~') return ScriptReply.set(items);
        return ScriptReply.array(items);
      }
      default: throw new IllegalStateException("unexpected reply type " + (char) type);
    }
  }

  private static double parseDouble(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  private String line() {
    int start = pos;
    while (b[pos] != '\r') pos++;
    String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
    pos += 2;
    return s;
  }

  private byte[] take(int n) {
    byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
    pos += n + 2;
    return out;
  }
}
