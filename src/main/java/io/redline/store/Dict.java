package io.redline.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The keyspace hash table: chained buckets, power-of-two size, keys compared as raw bytes.
 *
 * <p>Written here rather than using {@code HashMap} for three things Redis users rely on: SCAN's
 * guarantee (a reverse-binary cursor returns every key present for the whole scan, even across
 * resizes), cheap random sampling (RANDOMKEY, eviction, active expiry), and lookups straight from
 * a slice of the request buffer without building a key object.
 */
public final class Dict {
  private static final int MIN_SIZE = 4;
  private static final int SEED = ThreadLocalRandom.current().nextInt() | 1;

  private Entry[] table = new Entry[MIN_SIZE];
  private int size;

  public int size() { return size; }
  public int buckets() { return table.length; }

  public static int hash(byte[] b, int off, int len) {
    // FNV-1a with a per-process seed, then a murmur finaliser to spread the low bits.
    int h = SEED ^ len;
    for (int i = off, end = off + len; i < end; i++) h = (h ^ b[i]) * 0x01000193;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  public Entry get(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    for (Entry e = table[h & (table.length - 1)]; e != null; e = e.next) {
      byte[] k = e.key;
      if (k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) return e;
    }
    return null;
  }

  public Entry get(byte[] key) { return get(key, 0, key.length); }

  /** Inserts a key that is known to be absent. */
  public Entry add(byte[] key, Object value) {
    Entry e = new Entry(key, value);
    if (size >= table.length) resize(table.length * 2);
    int i = hash(key, 0, key.length) & (table.length - 1);
    e.next = table[i];
    table[i] = e;
    size++;
    return e;
  }

  public boolean remove(Entry target) {
    int i = hash(target.key, 0, target.key.length) & (table.length - 1);
    Entry prev = null;
    for (Entry e = table[i]; e != null; prev = e, e = e.next) {
      if (e == target) {
        if (prev == null) table[i] = e.next;
        else prev.next = e.next;
        e.next = null;
        size--;
        if (table.length > MIN_SIZE && size < table.length / 8) resize(table.length / 2);
        return true;
      }
    }
    return false;
  }

  /** Grows the table ahead of {@code n} keys arriving (an RDB file's RESIZEDB hint), so loading does not rehash. */
  public void expand(int n) {
    int want = Integer.highestOneBit(Math.max(MIN_SIZE, Math.min(n, 1 << 30)) - 1) << 1;
    if (want > table.length) resize(want);
  }

  public void clear() {
    table = new Entry[MIN_SIZE];
    size = 0;
  }

  private void resize(int n) {
    Entry[] old = table;
    Entry[] t = new Entry[Math.max(n, MIN_SIZE)];
    int mask = t.length - 1;
    for (Entry head : old) {
      for (Entry e = head; e != null; ) {
        Entry next = e.next;
        int i = hash(e.key, 0, e.key.length) & mask; // entries keep no hash: 4 bytes a key
        e.next = t[i];
        t[i] = e;
        e = next;
      }
    }
    table = t;
  }

  /**
   * Visits one bucket-step of a SCAN starting at {@code cursor}; returns the next cursor, 0 when done.
   * The cursor advances by incrementing its reversed bits, so buckets already visited stay visited
   * when the table doubles or halves.
   */
  public long scanStep(long cursor, Consumer<Entry> visitor) {
    if (size == 0) return 0;
    long mask = table.length - 1;
    for (Entry e = table[(int) (cursor & mask)]; e != null; e = e.next) visitor.accept(e);
    long v = cursor | ~mask;
    v = Long.reverse(v);
    v++;
    v = Long.reverse(v);
    return v;
  }

  /** A uniformly chosen bucket's random entry (Redis's dictGetRandomKey trade-off), or null. */
  public Entry randomEntry() {
    return randomEntry(ThreadLocalRandom.current());
  }

  /** {@link #randomEntry()} with the caller's generator. */
  public Entry randomEntry(java.util.Random r) {
    if (size == 0) return null;
    Entry head;
    do {
      head = table[r.nextInt(table.length)];
    } while (head == null);
    int n = 0;
    for (Entry e = head; e != null; e = e.next) n++;
    Entry e = head;
    for (int k = r.nextInt(n); k > 0; k--) e = e.next;
    return e;
  }

  /** Visits every entry; the visitor must not add or remove keys. */
  public void forEach(Consumer<Entry> visitor) {
    for (Entry head : table) {
      for (Entry e = head; e != null; ) {
        Entry next = e.next;
        visitor.accept(e);
        e = next;
      }
    }
  }
}
