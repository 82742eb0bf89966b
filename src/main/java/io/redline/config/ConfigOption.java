package io.redline.config;

import java.util.Locale;

/**
 * One configuration option Redline honours: its redis.conf name, kind, default and limits.
 * Values are kept as Redis prints them in CONFIG GET ("yes", "6379", "536870912").
 */
public final class ConfigOption {
  public enum Kind { INT, MEMORY, BOOL, STRING, ENUM, FIXED, CUSTOM }

  final String name;
  final Kind kind;
  final String defaultValue;
  final long min;
  final long max;
  final boolean mutable;
  final String[] choices;
  final boolean sensitive;
  /** Redis's PROTECTED_CONFIG (dir, dbfilename): CONFIG SET refuses it (enable-protected-configs is not offered). */
  private boolean protectedConfig;
  /** CUSTOM only: checks a value and returns what to store; prints a stored value for CONFIG GET. */
  private java.util.function.UnaryOperator<String> check;
  private java.util.function.UnaryOperator<String> display;
  /** CUSTOM options whose new value depends on the current one: (current, text given) → value to store. */
  private java.util.function.BinaryOperator<String> merge;

  private ConfigOption(String name, Kind kind, String defaultValue, long min, long max, boolean mutable,
                       String[] choices, boolean sensitive) {
    this.name = name;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.mutable = mutable;
    this.choices = choices;
    this.sensitive = sensitive;
  }

  public static ConfigOption integer(String name, long def, long min, long max, boolean mutable) {
    return new ConfigOption(name, Kind.INT, Long.toString(def), min, max, mutable, null, false);
  }

  public static ConfigOption memory(String name, long def, long min, long max, boolean mutable) {
    return new ConfigOption(name, Kind.MEMORY, Long.toString(def), min, max, mutable, null, false);
  }

  public static ConfigOption bool(String name, boolean def, boolean mutable) {
    return new ConfigOption(name, Kind.BOOL, def ? "yes" : "no", 0, 0, mutable, null, false);
  }

  public static ConfigOption string(String name, String def, boolean mutable, boolean sensitive) {
    return new ConfigOption(name, Kind.STRING, def, 0, 0, mutable, null, sensitive);
  }

  /**
   * An option Redis has whose only value Redline honours today is {@code value} (e.g. {@code save ""}
   * while nothing is persisted): that value is accepted, anything else refused with {@code why}.
   */
  public static ConfigOption fixed(String name, String value, String why) {
    return new ConfigOption(name, Kind.FIXED, value, 0, 0, true, new String[] {why}, false);
  }

  public static ConfigOption oneOf(String name, String def, boolean mutable, String... choices) {
    return new ConfigOption(name, Kind.ENUM, def, 0, 0, mutable, choices, false);
  }

  /**
   * An option with its own syntax: {@code check} returns the value to store or throws
   * IllegalArgumentException with Redis's reason; {@code display} prints a stored value as CONFIG
   * GET and CONFIG REWRITE show it (notify-keyspace-events stores its flags as a number, because
   * Redis's printed form is lossy).
   */
  public static ConfigOption custom(String name, String def, boolean mutable,
                                    java.util.function.UnaryOperator<String> check,
                                    java.util.function.UnaryOperator<String> display) {
    ConfigOption o = new ConfigOption(name, Kind.CUSTOM, def, 0, 0, mutable, null, false);
    o.check = check;
    o.display = display;
    return o;
  }

  /**
   * A CUSTOM option whose value is merged into the current one (client-output-buffer-limit: only
   * the classes named change): {@code merge} gets the current value and the text given and
   * returns the value to store, or throws IllegalArgumentException with Redis's reason.
   */
  public static ConfigOption merging(String name, String def, boolean mutable, java.util.function.BinaryOperator<String> merge) {
    ConfigOption o = new ConfigOption(name, Kind.CUSTOM, def, 0, 0, mutable, null, false);
    o.merge = merge;
    return o;
  }

  /** Like {@link #normalise(String)}, with the current value for options that merge into it. */
  String normalise(String raw, String current) {
    return merge != null ? merge.apply(current, raw) : normalise(raw);
  }

  /** A stored value as CONFIG GET prints it. */
  String display(String stored) { return display == null || stored == null ? stored : display.apply(stored); }

  public String name() { return name; }
  public boolean mutable() { return mutable; }

  /** Marks this option protected (see {@link #isProtected}); returns it. */
  public ConfigOption asProtected() {
    this.protectedConfig = true;
    return this;
  }

  public boolean isProtected() { return protectedConfig; }

  /**
   * Checks and normalises a value; throws {@link IllegalArgumentException} with Redis's reason text.
   */
  String normalise(String raw) {
    switch (kind) {
      case BOOL -> {
        String v = raw.toLowerCase(Locale.ROOT);
        if (!v.equals("yes") && !v.equals("no")) throw new IllegalArgumentException("argument must be 'yes' or 'no'");
        return v;
      }
      case INT -> {
        long v;
        try {
          v = Long.parseLong(raw);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("argument couldn't be parsed into an integer");
        }
        checkRange(v);
        return Long.toString(v);
      }
      case MEMORY -> {
        long v = MemorySize.parse(raw);
        if (v < 0) throw new IllegalArgumentException("argument must be a memory value");
        checkRange(v);
        return Long.toString(v);
      }
      case FIXED -> {
        if (!raw.equalsIgnoreCase(defaultValue)) throw new IllegalArgumentException(choices[0]);
        return defaultValue;
      }
      case ENUM -> {
        String v = raw.toLowerCase(Locale.ROOT);
        for (String c : choices) if (c.equals(v)) return v;
        throw new IllegalArgumentException("argument(s) must be one of the following: " + String.join(", ", choices));
      }
      case CUSTOM -> {
        return check.apply(raw);
      }
      default -> {
        return raw;
      }
    }
  }

  private void checkRange(long v) {
    if (v < min || v > max) {
      throw new IllegalArgumentException("argument must be between " + min + " and " + max + " inclusive");
    }
  }
}
