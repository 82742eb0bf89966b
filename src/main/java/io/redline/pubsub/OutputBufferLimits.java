package io.redline.pubsub;

import java.util.Locale;

/**
 * The {@code client-output-buffer-limit} option: for each client class (normal, replica,
 * pubsub) a hard limit in bytes, a soft limit in bytes and how many seconds a client may stay
 * above the soft one. Zero means no limit. A client over a limit is disconnected, so that a
 * reader that stops reading cannot make the server keep its output forever.
 *
 * <p>The syntax and errors are Redis 7.0's: the value is groups of four words
 * ({@code <class> <hard> <soft> <soft-seconds>}, several classes in one value), sizes take
 * Redis's memory units, and only the classes named change — so the config file's
 * {@code client-output-buffer-limit pubsub 32mb 8mb 60} lines and CONFIG SET both merge into the
 * current value. CONFIG GET prints all three classes, the replica class under its old name.
 */
public final class OutputBufferLimits {
  /** Redis's default. */
  public static final String DEFAULT = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

  /** The limits of one client class; all zero means unlimited. */
  public record ClassLimit(long hard, long soft, int softSeconds) {
    public boolean unlimited() { return hard == 0 && soft == 0; }
  }

  private static final String[] CLASS_NAMES = {"normal", "slave", "pubsub"};
  public static final int NORMAL = 0;
  public static final int REPLICA = 1;
  public static final int PUBSUB = 2;

  private final ClassLimit[] limits;

  private OutputBufferLimits(ClassLimit[] limits) {
    this.limits = limits;
  }

  public ClassLimit normal() { return limits[NORMAL]; }
  public ClassLimit replica() { return limits[REPLICA]; }
  public ClassLimit pubsub() { return limits[PUBSUB]; }

  /** Parses a value as CONFIG GET prints it (all classes present). */
  public static OutputBufferLimits parse(String value) {
    ClassLimit none = new ClassLimit(0, 0, 0);
    ClassLimit[] l = {none, none, none};
    apply(l, value);
    return new OutputBufferLimits(l);
  }

  /**
   * CONFIG SET / a config file line: {@code update} merged into {@code current}, as the value to
   * keep. Throws {@link IllegalArgumentException} with Redis's reason when any group is invalid
   * (nothing changes then).
   */
  public static String merge(String current, String update) {
    ClassLimit[] l = parse(current).limits.clone();
    apply(l, update);
    return new OutputBufferLimits(l).toString();
  }

  private static void apply(ClassLimit[] l, String value) {
    String t = value.trim();
    String[] w = t.isEmpty() ? new String[0] : t.split("\\s+");
    if (w.length % 4 != 0) throw new IllegalArgumentException("Wrong number of arguments in buffer limit configuration.");
    for (int j = 0; j < w.length; j += 4) {
      int cls = classOf(w[j]);
      if (cls < 0) throw new IllegalArgumentException("Invalid client class specified in buffer limit configuration.");
      try {
        long hard = memToBytes(w[j + 1]);
        long soft = memToBytes(w[j + 2]);
        int seconds = (int) strtoll(w[j + 3]); // Redis keeps it in an int: the same truncation
        if (seconds < 0) throw new NumberFormatException();
        l[cls] = new ClassLimit(hard, soft, seconds);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
      }
    }
  }

  /** Redis's getClientTypeByName, less "master", which has no output limit of its own. */
  private static int classOf(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "normal" -> NORMAL;
      case "slave", "replica" -> REPLICA;
      case "pubsub" -> PUBSUB;
      default -> -1;
    };
  }

  /**
   * Redis's memtoull: digits then an optional unit (b, k, kb, m, mb, g, gb; case-insensitive),
   * no sign. Like Redis, an empty digit string reads as 0 and the product wraps silently.
   */
  static long memToBytes(String p) {
    if (p.startsWith("-")) throw new NumberFormatException(p);
    int u = 0;
    while (u < p.length() && p.charAt(u) >= '0' && p.charAt(u) <= '9') u++;
    long mul = switch (p.substring(u).toLowerCase(Locale.ROOT)) {
      case "", "b" -> 1;
      case "k" -> 1000;
      case "kb" -> 1024;
      case "m" -> 1000L * 1000;
      case "mb" -> 1024L * 1024;
      case "g" -> 1000L * 1000 * 1000;
      case "gb" -> 1024L * 1024 * 1024;
      default -> throw new NumberFormatException(p);
    };
    if (u >= 128) throw new NumberFormatException(p);
    long v = u == 0 ? 0 : Long.parseUnsignedLong(p.substring(0, u)); // out of range: ERANGE, an error
    return v * mul;
  }

  /** C's strtoll with Redis's end check: optional leading blanks and sign, digits to the end; "" is 0; clamps on overflow. */
  static long strtoll(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    int start = i;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    if (i == digits) {
      if (s.isEmpty()) return 0; // no conversion, end pointer at the (empty) end: accepted
      throw new NumberFormatException(s);
    }
    if (i != s.length()) throw new NumberFormatException(s);
    try {
      return Long.parseLong(s.substring(start, i));
    } catch (NumberFormatException overflow) {
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** CONFIG GET's form: every class, "slave" for replicas, sizes in bytes. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < limits.length; i++) {
      if (i > 0) b.append(' ');
      ClassLimit c = limits[i];
      b.append(CLASS_NAMES[i]).append(' ').append(Long.toUnsignedString(c.hard())).append(' ')
          .append(Long.toUnsignedString(c.soft())).append(' ').append(c.softSeconds());
    }
    return b.toString();
  }
}
