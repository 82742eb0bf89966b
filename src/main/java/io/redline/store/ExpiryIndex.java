package io.redline.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The keys of one database that carry a TTL, in an array that supports O(1) add, remove and
 * uniform random sampling — what Redis's active expiry cycle needs from its "expires" dict.
 */
final class ExpiryIndex {
  private Entry[] items = new Entry[8];
  private int size;

  int size() { return size; }

  void add(Entry e) {
    if (e.expirySlot >= 0) return;
    if (size == items.length) items = Arrays.copyOf(items, size * 2);
    items[size] = e;
    e.expirySlot = size++;
  }

  void remove(Entry e) {
    int slot = e.expirySlot;
    if (slot < 0) return;
    Entry last = items[--size];
    items[slot] = last;
    last.expirySlot = slot;
    items[size] = null;
    e.expirySlot = -1;
    if (items.length > 64 && size < items.length / 4) items = Arrays.copyOf(items, items.length / 2);
  }

  Entry sample() {
    return size == 0 ? null : items[ThreadLocalRandom.current().nextInt(size)];
  }

  static void swap(ExpiryIndex a, ExpiryIndex b) {
    Entry[] t = a.items;
    a.items = b.items;
    b.items = t;
    int s = a.size;
    a.size = b.size;
    b.size = s;
  }

  void clear() {
    items = new Entry[8];
    size = 0;
  }
}
