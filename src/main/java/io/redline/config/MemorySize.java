package io.redline.config;

import java.util.Locale;

/** Redis's memory units in config values: k/m/g are powers of 1000, kb/mb/gb powers of 1024. */
public final class MemorySize {
  private MemorySize() {}

  /** Bytes, or -1 when the text is not a memory value. */
  public static long parse(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    long mul = 1;
    String digits = s;
    String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1000"}, {"m", "1000000"},
        {"g", "1000000000"}, {"b", "1"}};
    for (String[] u : units) {
      if (s.endsWith(u[0])) {
        mul = Long.parseLong(u[1]);
        digits = s.substring(0, s.length() - u[0].length());
        break;
      }
    }
    if (digits.isEmpty()) return -1;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') return -1;
    }
    try {
      return Math.multiplyExact(Long.parseLong(digits), mul);
    } catch (ArithmeticException | NumberFormatException e) {
      return -1;
    }
  }
}
