// The "#!lua name=<library>" first line of a function library, parsed as Redis 7.0 parses it.
package io.redline.modules.lua;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A library's engine and name from its shebang, and where the Lua body starts (at the shebang's
 * newline, so line numbers in errors count the shebang as line 1). The line is split into words
 * with Redis's quoting rules (sdssplitargs); {@code error} carries Redis's text when it is bad.
 */
final class LibraryCode {
  final String engine;
  final String name;
  /** Index of the '\n' that ends the shebang: the body compiled is code[bodyStart..]. */
  final int bodyStart;
  final String error;

  private LibraryCode(String engine, String name, int bodyStart, String error) {
    this.engine = engine;
    this.name = name;
    this.bodyStart = bodyStart;
    this.error = error;
  }

  private static LibraryCode fail(String error) { return new LibraryCode(null, null, -1, error); }

  static LibraryCode parse(byte[] code) {
    if (code.length < 2 || code[0] != '#' || code[1] != '!') return fail("Missing library metadata");
    int nl = 0;
    while (nl < code.length && code[nl] != '\n') nl++;
    if (nl == code.length) return fail("Invalid library metadata");
    // Redis splits the line as a C string: a NUL ends it.
    List<String> parts = splitArgs(cString(new String(code, 0, nl, StandardCharsets.ISO_8859_1)));
    if (parts == null || parts.isEmpty()) return fail("Invalid library metadata");
    String engine = parts.get(0).length() < 2 ? "" : parts.get(0).substring(2);
    String name = null;
    for (int i = 1; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.regionMatches(true, 0, "name=", 0, 5)) {
        if (name != null) return fail("Invalid metadata value, name argument was given multiple times");
        name = part.substring(5);
        continue;
      }
      return fail("Invalid metadata value given: " + cString(part));
    }
    if (name == null) return fail("Library name was not given");
    return new LibraryCode(engine, name, nl, null);
  }

  /** Letters, digits and underscores, at least one: the rule for library and function names. */
  static boolean validName(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return false;
    }
    return true;
  }

  /** The text up to its first NUL, as C string functions see it. */
  private static String cString(String s) {
    int z = s.indexOf('\0');
    return z < 0 ? s : s.substring(0, z);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x0b || c == '\f';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * Words as sdssplitargs makes them (Latin-1 text in and out): "double quotes" with \xHH and
   * \n \r \t \b \a escapes, 'single quotes' with only \' ; a closing quote must be followed by a
   * space or the end. Null for unbalanced or badly closed quotes.
   */
  static List<String> splitArgs(String line) {
    List<String> out = new ArrayList<>();
    int p = 0;
    int n = line.length();
    while (true) {
      while (p < n && isSpace(line.charAt(p))) p++;
      if (p >= n) return out;
      ByteArrayOutputStream cur = new ByteArrayOutputStream();
      boolean inDouble = false;
      boolean inSingle = false;
      boolean done = false;
      while (!done) {
        char c = p < n ? line.charAt(p) : 0;
        if (inDouble) {
          if (p >= n) return null;
          if (c == '\\' && p + 3 < n && line.charAt(p + 1) == 'x' && isHex(line.charAt(p + 2)) && isHex(line.charAt(p + 3))) {
            cur.write(Integer.parseInt(line.substring(p + 2, p + 4), 16));
            p += 3;
          } else if (c == '\\' && p + 1 < n) {
            p++;
            char e = line.charAt(p);
            cur.write(switch (e) {
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              case 'b' -> '\b';
              case 'a' -> 7;
              default -> e;
            });
          } else if (c == '"') {
            if (p + 1 < n && !isSpace(line.charAt(p + 1))) return null;
            done = true;
          } else {
            cur.write(c);
          }
        } else if (inSingle) {
          if (p >= n) return null;
          if (c == '\\' && p + 1 < n && line.charAt(p + 1) == '\'') {
            p++;
            cur.write('\'');
          } else if (c == '\'') {
            if (p + 1 < n && !isSpace(line.charAt(p + 1))) return null;
            done = true;
          } else {
            cur.write(c);
          }
        } else {
          switch (c) {
            case ' ', '\n', '\r', '\t', 0 -> done = true;
            case '"' -> inDouble = true;
            case '\'' -> inSingle = true;
            default -> cur.write(c);
          }
        }
        if (p < n) p++;
      }
      out.add(cur.toString(StandardCharsets.ISO_8859_1));
    }
  }
}
