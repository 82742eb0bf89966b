package io.redline.persist;

import io.redline.config.ConfigOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The RDB options Redline honours, with Redis 7.0's names, defaults and checks: save points,
 * dbfilename and dir (protected: CONFIG SET refuses them, as Redis does while
 * enable-protected-configs is off), rdbcompression, rdbchecksum (immutable), and
 * enable-debug-command (guards DEBUG RELOAD), rdb-key-save-delay (tests).
 */
public final class PersistenceOptions {
  /** Redis 7.0's save points when no config file sets any. */
  public static final String DEFAULT_SAVE = "3600 1 300 100 60 10000";
  private static final String INVALID_SAVE = "Invalid save parameters";

  private PersistenceOptions() {}

  public static List<ConfigOption> all() {
    List<ConfigOption> o = new ArrayList<>();
    o.add(ConfigOption.custom("save", DEFAULT_SAVE, true, PersistenceOptions::normaliseSave, null));
    o.add(ConfigOption.custom("dbfilename", "dump.rdb", true, PersistenceOptions::checkFileName, null).asProtected());
    o.add(ConfigOption.custom("dir", Path.of("").toAbsolutePath().toString(), true, PersistenceOptions::checkDir, null).asProtected());
    o.add(ConfigOption.bool("rdbcompression", true, true));
    o.add(ConfigOption.bool("rdbchecksum", true, false));
    o.add(ConfigOption.oneOf("enable-debug-command", "no", false, "no", "yes", "local"));
    // Redis's testing knob, used the same way here: a pause per key written by a background save
    // (microseconds), so tests can act while one is in progress.
    o.add(ConfigOption.integer("rdb-key-save-delay", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, true));
    return o;
  }

  /**
   * Redis's setConfigSaveOption: pairs of "seconds changes", seconds at least 1, changes at least
   * 0, each parsed as strtoll does (leading blanks and a sign allowed); "" means none. Stored
   * as Redis prints them: the numbers, one space apart.
   */
  static String normaliseSave(String raw) {
    String t = raw.trim();
    if (t.isEmpty()) return "";
    String[] w = t.split("\\s+");
    if (w.length % 2 != 0) throw new IllegalArgumentException(INVALID_SAVE);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      long v = parseStrtoll(w[i]);
      if ((i % 2 == 0 && v < 1) || (i % 2 == 1 && v < 0)) throw new IllegalArgumentException(INVALID_SAVE);
      if (i > 0) out.append(' ');
      // Redis keeps changes in an int: print what it would.
      out.append(i % 2 == 0 ? v : (int) v);
    }
    return out.toString();
  }

  private static long parseStrtoll(String s) {
    int i = 0;
    boolean neg = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
    if (i == s.length()) throw new IllegalArgumentException(INVALID_SAVE);
    long v = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw new IllegalArgumentException(INVALID_SAVE);
      int d = c - '0';
      v = v > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : v * 10 + d; // strtoll saturates
    }
    return neg ? -v : v;
  }

  /** The save points as (seconds, changes) pairs. */
  public static long[][] savePoints(String value) {
    if (value == null || value.isBlank()) return new long[0][];
    String[] w = value.trim().split("\\s+");
    long[][] p = new long[w.length / 2][2];
    for (int i = 0; i + 1 < w.length; i += 2) {
      p[i / 2][0] = Long.parseLong(w[i]);
      p[i / 2][1] = Long.parseLong(w[i + 1]);
    }
    return p;
  }

  private static String checkFileName(String raw) {
    if (raw.contains("/")) throw new IllegalArgumentException("dbfilename can't be a path, just a filename");
    return raw;
  }

  /** Redis chdir()s to it; Redline keeps the absolute path and resolves the files against it. */
  private static String checkDir(String raw) {
    Path p = Path.of(raw).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) throw new IllegalArgumentException("No such file or directory");
    return p.toString();
  }
}
