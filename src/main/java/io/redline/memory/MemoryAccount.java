package io.redline.memory;

import io.redline.store.Database;
import io.redline.store.Entry;

/**
 * The bytes one shard's keys and values occupy, kept up to date incrementally: a key is counted
 * when it is added and uncounted when it is deleted (each entry remembers the number it is
 * counted for), and a key looked up for a change is noted here and re-measured once the command
 * has run ({@link #settle}), O(1) per key. Only the thread that owns the shard (or a coordinator
 * holding it) calls anything but {@link #used}.
 */
public final class MemoryAccount {
  /** The shard's empty tables (16 databases' bucket and expiry arrays): present before any key. */
  public static final long EMPTY_DATABASE = 80;

  private volatile long used;
  private Database[] touchedDb = new Database[16];
  private Entry[] touched = new Entry[16];
  private int pending;
  private long base;
  private static final int EAGER_SETTLE = 4096;

  /** Counts the fixed cost of one more (empty) database. */
  public void addDatabase() {
    base += EMPTY_DATABASE;
    used += EMPTY_DATABASE;
  }

  /** Bytes in use by this shard's databases; any thread (a moment stale). */
  public long used() { return used; }

  /** What the shard uses with no keys at all. */
  public long base() { return base; }

  /** Called by a database when its keys' counted bytes change by {@code delta}. */
  public void add(long delta) { used += delta; }

  /** Notes a key that the running command may change; measured again at {@link #settle}. */
  public void touched(Database db, Entry e) {
    if (pending == EAGER_SETTLE) settle(); // a command over many keys (or a load) measures as it goes
    if (pending == touched.length) {
      touched = java.util.Arrays.copyOf(touched, pending * 2);
      touchedDb = java.util.Arrays.copyOf(touchedDb, pending * 2);
    }
    touchedDb[pending] = db;
    touched[pending++] = e;
  }

  /** Re-measures every key noted since the last settle (keys deleted since are skipped). */
  public void settle() {
    int n = pending;
    if (n == 0) return;
    for (int i = 0; i < n; i++) {
      touchedDb[i].reaccount(touched[i]);
      touchedDb[i] = null;
      touched[i] = null;
    }
    pending = 0;
    if (touched.length > 1024) { // one huge command (a script, FLUSHALL) must not pin a big array
      touched = new Entry[16];
      touchedDb = new Database[16];
    }
  }
}
