package io.redline.protocol;

/**
 * Splits an inline command line into arguments with redis-cli's quoting rules
 * ("double quotes" with \xHH and \n-style escapes, 'single quotes' with \').
 *
 * <p>Unescaped text is never longer than its source, so arguments are decoded in place
 * and stay slices of the read buffer.
 */
final class InlineSplitter {
  private InlineSplitter() {}

  static void split(byte[] b, int from, int to, Args out) {
    // Redis splits the line as a C string: a NUL byte ends it, quoted or not.
    for (int i = from; i < to; i++) {
      if (b[i] == 0) {
        to = i;
        break;
      }
    }
    int p = from;
    while (true) {
      while (p < to && isSpace(b[p])) p++;
      if (p >= to) return;
      int w = p; // write position of the current argument
      int argStart = p;
      boolean dq = false;
      boolean sq = false;
      boolean done = false;
      while (!done) {
        if (dq) {
          if (p >= to) throw new ProtocolException("unbalanced quotes in request");
          byte c = b[p];
          if (c == '\\' && p + 3 < to && b[p + 1] == 'x' && isHex(b[p + 2]) && isHex(b[p + 3])) {
            b[w++] = (byte) ((hex(b[p + 2]) << 4) | hex(b[p + 3]));
            p += 4;
          } else if (c == '\\' && p + 1 < to) {
            byte e = b[p + 1];
            switch (e) {
              case 'n' -> b[w++] = '\n';
              case 'r' -> b[w++] = '\r';
              case 't' -> b[w++] = '\t';
              case 'b' -> b[w++] = '\b';
              case 'a' -> b[w++] = 7;
              default -> b[w++] = e;
            }
            p += 2;
          } else if (c == '"') {
            // A closing quote must be followed by a space or the end of the line.
            if (p + 1 < to && !isSpace(b[p + 1])) throw new ProtocolException("unbalanced quotes in request");
            done = true;
            p++;
          } else {
            b[w++] = c;
            p++;
          }
        } else if (sq) {
          if (p >= to) throw new ProtocolException("unbalanced quotes in request");
          byte c = b[p];
          if (c == '\\' && p + 1 < to && b[p + 1] == '\'') {
            b[w++] = '\'';
            p += 2;
          } else if (c == '\'') {
            if (p + 1 < to && !isSpace(b[p + 1])) throw new ProtocolException("unbalanced quotes in request");
            done = true;
            p++;
          } else {
            b[w++] = c;
            p++;
          }
        } else {
          if (p >= to) {
            done = true;
          } else {
            byte c = b[p];
            switch (c) {
              case ' ', '\n', '\r', '\t', 0 -> done = true;
              case '"' -> { dq = true; p++; }
              case '\'' -> { sq = true; p++; }
              default -> { b[w++] = c; p++; }
            }
          }
        }
      }
      out.add(argStart, w - argStart);
    }
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
  }

  private static boolean isHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
  }
}
