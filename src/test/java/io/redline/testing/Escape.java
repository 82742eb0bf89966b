package io.redline.testing;

/** Renders bytes readably for failure messages: printable ASCII as is, everything else escaped. */
public final class Escape {
  private Escape() {}

  public static String bytes(byte[] b) {
    return bytes(b, 0, b.length, Integer.MAX_VALUE);
  }

  /** At most {@code max} source bytes, then a note of how many were left out. */
  public static String bytes(byte[] b, int off, int len, int max) {
    StringBuilder s = new StringBuilder(Math.min(len, max) + 16).append('"');
    int n = Math.min(len, max);
    for (int i = off; i < off + n; i++) {
      int c = b[i] & 0xff;
      switch (c) {
        case '\r' -> s.append("\\r");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        default -> {
          if (c >= 0x20 && c < 0x7f) s.append((char) c);
          else s.append(String.format("\\x%02x", c));
        }
      }
    }
    s.append('"');
    if (len > max) s.append("... (").append(len - max).append(" more bytes)");
    return s.toString();
  }

  /** A reply for a failure message, cut at 2,000 bytes. */
  public static String reply(byte[] b) {
    return bytes(b, 0, b.length, 2000);
  }
}
