package io.redline.config;

import java.util.ArrayList;
import java.util.List;

/** Splits and quotes redis.conf lines: words separated by spaces, "double" or 'single' quoted. */
final class ConfigLine {
  private ConfigLine() {}

  /** The words of a line, or null when its quotes are unbalanced. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      while (i < n && Character.isWhitespace(line.charAt(i))) i++;
      if (i >= n) return out;
      StringBuilder w = new StringBuilder();
      char q = 0;
      while (i < n) {
        char c = line.charAt(i);
        if (q != 0) {
          if (c == '\\' && i + 1 < n && q == '"') {
            char e = line.charAt(i + 1);
            w.append(switch (e) { case 'n' -> '\n'; case 'r' -> '\r'; case 't' -> '\t'; default -> e; });
            i += 2;
            continue;
          }
          if (c == q) {
            q = 0;
            i++;
            if (i < n && !Character.isWhitespace(line.charAt(i))) return null;
            break;
          }
          w.append(c);
          i++;
        } else if (c == '"' || c == '\'') {
          q = c;
          i++;
        } else if (Character.isWhitespace(c)) {
          break;
        } else {
          w.append(c);
          i++;
        }
      }
      if (q != 0) return null;
      out.add(w.toString());
    }
  }

  static String quote(String v) {
    if (!v.isEmpty() && v.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\'' || c == '\\')) return v;
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
