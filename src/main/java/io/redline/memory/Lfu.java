package io.redline.memory;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's LFU counter, kept in the 24 low bits of a key's access field: 16 bits of "minutes"
 * (Unix time / 60, mod 2^16) when the counter was last decremented, and an 8-bit counter that
 * grows logarithmically (the more hits, the less likely the next one increments it) and decays
 * by one every {@code lfu-decay-time} minutes without access. New keys start at 5, so they are
 * not evicted before they had a chance to be read.
 *
 * <p>{@code lfu-log-factor} and {@code lfu-decay-time} are process-wide (the last server started
 * or CONFIG SET in this JVM wins): a counter update must not need a pointer back to its server,
 * and a JVM runs one server outside tests.
 */
public final class Lfu {
  public static final int INIT = 5;
  /** Marks a clock token (see {@link #token()}) as "bump the LFU counter" rather than an LRU stamp. */
  private static final int MARK = Integer.MIN_VALUE;

  private static volatile int logFactor = 10;
  private static volatile int decayTime = 1;

  private Lfu() {}

  public static void logFactor(int f) { logFactor = f; }
  public static void decayTime(int minutes) { decayTime = minutes; }

  /** Redis's LFUGetTimeInMinutes. */
  public static int minutes() { return (int) ((System.currentTimeMillis() / 60_000) & 0xFFFF); }

  /**
   * Set on a key's access field while the command that created it runs: Redis counts no access
   * for creating a key, but Redline's write handlers touch what they wrote. The memory account
   * clears it when it measures the new key after the command. Above the LFU layout's 24 bits and
   * the LRU clock's 24, so it changes neither reading.
   */
  public static final int FRESH = 1 << 30;

  /** LRU clock ticks per second: one, as Redis's LRU_CLOCK_RESOLUTION of 1000 ms. */
  public static final int LRU_TICKS = 1;
  /** Redis's LRU_CLOCK_MAX: 24 bits of seconds, wrapping after 194 days. */
  private static final int LRU_MASK = (1 << 24) - 1;

  /** The access field of a key created now under LFU (marked {@link #FRESH}). */
  public static int initial() { return FRESH | (minutes() << 8) | INIT; }

  /**
   * The LRU clock: Unix seconds mod 2^24, as Redis's. Its resolution decides how well approximated
   * LRU tells recent keys from old ones (keys touched within the same second tie), so it is
   * Redis's, for Redis's hit rates (an earlier 1/64 s clock kept about 2 points more hits).
   */
  public static int lruClock() { return (int) ((System.currentTimeMillis() * LRU_TICKS / 1000) & LRU_MASK); }

  /** Idle time in LRU ticks, across the clock's wrap (Redis's estimateObjectIdleTime). */
  public static long idleTicks(int field) {
    int lru = field & LRU_MASK;
    int now = lruClock();
    return now >= lru ? now - lru : now + (LRU_MASK - lru);
  }

  /** OBJECT IDLETIME's seconds. */
  public static long idleSeconds(int field) { return idleTicks(field) / LRU_TICKS; }

  /** The LRU field of a key last accessed {@code seconds} ago (RESTORE ... IDLETIME). */
  public static int lruIdleFor(long seconds) {
    long ticks = Math.min(seconds, Integer.MAX_VALUE / LRU_TICKS) * LRU_TICKS;
    return (int) ((lruClock() - ticks) & LRU_MASK);
  }

  /** The clock token handed to {@code Entry.touch} while an LFU policy is selected. */
  public static int token() { return MARK | minutes(); }

  /** Redis's updateLFU: decay for the idle periods, then a logarithmic increment. */
  public static int touch(int field, int token) {
    if ((field & FRESH) != 0) return field; // touched by the command that created it
    int now = token & 0xFFFF;
    int counter = logIncr(decayed(field, now));
    return (now << 8) | counter;
  }

  /** Redis's LFUDecrAndReturn: the counter after decay, without changing anything (OBJECT FREQ). */
  public static int decayed(int field) { return decayed(field, minutes()); }

  private static int decayed(int field, int now) {
    int ldt = (field >>> 8) & 0xFFFF;
    int counter = field & 0xFF;
    int elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
    int decay = decayTime;
    int periods = decay > 0 ? elapsed / decay : 0;
    return periods > counter ? 0 : counter - periods;
  }

  /** Redis's LFULogIncr. */
  static int logIncr(int counter) {
    if (counter == 255) return 255;
    double r = ThreadLocalRandom.current().nextDouble();
    double base = Math.max(0, counter - INIT);
    double p = 1.0 / (base * logFactor + 1);
    return r < p ? counter + 1 : counter;
  }
}
