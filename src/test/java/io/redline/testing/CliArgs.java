package io.redline.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into arguments exactly as redis-cli does (its sdssplitargs rules):
 * "double quotes" with \xHH, \n \r \t \b \a and \&lt;any&gt; escapes; 'single quotes' where only \'
 * is an escape; a closing quote must be followed by a space or the end of the line; quotes may
 * start inside a word (a"b c" is one argument, "ab c"). Written independently of the server's
 * inline parser so the two can check each other.
 */
public final class CliArgs {
  private CliArgs() {}

  /** The arguments of {@code line}, or throws IllegalArgumentException for unbalanced quotes. */
  public static List<byte[]> split(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    List<byte[]> out = new ArrayList<>();
    int p = 0;
    int n = b.length;
    while (true) {
      while (p < n && isSpace(b[p])) p++;
      if (p >= n) return out;
      ByteArrayOutputStream cur = new ByteArrayOutputStream();
      boolean dq = false;
      boolean sq = false;
      boolean done = false;
      while (!done) {
        if (dq) {
          if (p >= n) throw new IllegalArgumentException("unbalanced quotes: " + line);
          if (b[p] == '\\' && p + 3 < n && b[p + 1] == 'x' && isHex(b[p + 2]) && isHex(b[p + 3])) {
            cur.write(Integer.parseInt(new String(b, p + 2, 2, StandardCharsets.US_ASCII), 16));
            p += 3;
          } else if (b[p] == '\\' && p + 1 < n) {
            p++;
            switch (b[p]) {
              case 'n' -> cur.write('\n');
              case 'r' -> cur.write('\r');
              case 't' -> cur.write('\t');
              case 'b' -> cur.write('\b');
              case 'a' -> cur.write(7);
              default -> cur.write(b[p]);
            }
          } else if (b[p] == '"') {
            if (p + 1 < n && !isSpace(b[p + 1])) throw new IllegalArgumentException("closing quote must be followed by a space: " + line);
            done = true;
          } else {
            cur.write(b[p]);
          }
        } else if (sq) {
          if (p >= n) throw new IllegalArgumentException("unbalanced quotes: " + line);
          if (b[p] == '\\' && p + 1 < n && b[p + 1] == '\'') {
            p++;
            cur.write('\'');
          } else if (b[p] == '\'') {
            if (p + 1 < n && !isSpace(b[p + 1])) throw new IllegalArgumentException("closing quote must be followed by a space: " + line);
            done = true;
          } else {
            cur.write(b[p]);
          }
        } else {
          if (p >= n) {
            done = true;
          } else {
            switch (b[p]) {
              case ' ', '\n', '\r', '\t', 0 -> done = true;
              case '"' -> dq = true;
              case '\'' -> sq = true;
              default -> cur.write(b[p]);
            }
          }
        }
        if (p < n) p++;
      }
      out.add(cur.toByteArray());
    }
  }

  // C isspace(): space, \t, \n, \v, \f, \r.
  private static boolean isSpace(byte c) {
    return c == ' ' || (c >= 9 && c <= 13);
  }

  private static boolean isHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
