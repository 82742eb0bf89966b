package io.redline.notify;

/**
 * The classes of keyspace events and the flag string of {@code notify-keyspace-events}, with
 * Redis 7.0's letters, bit values and printed order: CONFIG SET "KEA" reads back as "AKE".
 */
public final class NotifyFlags {
  private NotifyFlags() {}

  public static final int KEYSPACE = 1;        // K: __keyspace@<db>__:<key>, message = event
  public static final int KEYEVENT = 1 << 1;   // E: __keyevent@<db>__:<event>, message = key
  public static final int GENERIC = 1 << 2;    // g: del, expire, rename_*, move_*, copy_to, persist...
  public static final int STRING = 1 << 3;     // $
  public static final int LIST = 1 << 4;       // l
  public static final int SET = 1 << 5;        // s
  public static final int HASH = 1 << 6;       // h
  public static final int ZSET = 1 << 7;       // z
  public static final int EXPIRED = 1 << 8;    // x
  public static final int EVICTED = 1 << 9;    // e
  public static final int STREAM = 1 << 10;    // t
  public static final int KEY_MISS = 1 << 11;  // m
  public static final int MODULE = 1 << 13;    // d (bit 12 is Redis's module-only "loaded")
  public static final int NEW = 1 << 14;       // n
  /** A: every class but key-miss and new, which must be asked for by name. */
  public static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

  /** Redis's CONFIG SET error text for a letter that is no class. */
  public static final String INVALID = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

  /** The flags a class string stands for, or -1 if it has a letter that is no class. */
  public static int parse(String classes) {
    int flags = 0;
    for (int i = 0; i < classes.length(); i++) {
      int f = switch (classes.charAt(i)) {
        case 'A' -> ALL;
        case 'g' -> GENERIC;
        case '$' -> STRING;
        case 'l' -> LIST;
        case 's' -> SET;
        case 'h' -> HASH;
        case 'z' -> ZSET;
        case 'x' -> EXPIRED;
        case 'e' -> EVICTED;
        case 'K' -> KEYSPACE;
        case 'E' -> KEYEVENT;
        case 't' -> STREAM;
        case 'm' -> KEY_MISS;
        case 'd' -> MODULE;
        case 'n' -> NEW;
        default -> -1;
      };
      if (f == -1) return -1;
      flags |= f;
    }
    return flags;
  }

  /**
   * The flags as Redis prints them. Faithfully lossy: when every class of A is set the string is
   * "A", which hides an 'n' ("AnKE" prints "AKE" while new-key events stay on).
   */
  public static String format(int flags) {
    StringBuilder s = new StringBuilder();
    if ((flags & ALL) == ALL) {
      s.append('A');
    } else {
      if ((flags & GENERIC) != 0) s.append('g');
      if ((flags & STRING) != 0) s.append('$');
      if ((flags & LIST) != 0) s.append('l');
      if ((flags & SET) != 0) s.append('s');
      if ((flags & HASH) != 0) s.append('h');
      if ((flags & ZSET) != 0) s.append('z');
      if ((flags & EXPIRED) != 0) s.append('x');
      if ((flags & EVICTED) != 0) s.append('e');
      if ((flags & STREAM) != 0) s.append('t');
      if ((flags & MODULE) != 0) s.append('d');
      if ((flags & NEW) != 0) s.append('n');
    }
    if ((flags & KEYSPACE) != 0) s.append('K');
    if ((flags & KEYEVENT) != 0) s.append('E');
    if ((flags & KEY_MISS) != 0) s.append('m');
    return s.toString();
  }
}
