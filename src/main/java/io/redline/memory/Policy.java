package io.redline.memory;

import java.util.Locale;

/** maxmemory-policy: which keys may be evicted and how the victim is chosen. */
public enum Policy {
  VOLATILE_LRU(true, Kind.LRU),
  VOLATILE_LFU(true, Kind.LFU),
  VOLATILE_RANDOM(true, Kind.RANDOM),
  VOLATILE_TTL(true, Kind.TTL),
  ALLKEYS_LRU(false, Kind.LRU),
  ALLKEYS_LFU(false, Kind.LFU),
  ALLKEYS_RANDOM(false, Kind.RANDOM),
  NOEVICTION(false, Kind.NONE);

  enum Kind { LRU, LFU, RANDOM, TTL, NONE }

  /** Only keys with a TTL are candidates. */
  final boolean volatileOnly;
  final Kind kind;

  Policy(boolean volatileOnly, Kind kind) {
    this.volatileOnly = volatileOnly;
    this.kind = kind;
  }

  public boolean lfu() { return kind == Kind.LFU; }

  /** The redis.conf spelling. */
  public String configName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

  /** The choices in the order Redis lists them in its CONFIG SET error. */
  static String[] configNames() {
    Policy[] all = values();
    String[] names = new String[all.length];
    for (int i = 0; i < all.length; i++) names[i] = all[i].configName();
    return names;
  }

  public static Policy of(String configName) {
    return valueOf(configName.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
