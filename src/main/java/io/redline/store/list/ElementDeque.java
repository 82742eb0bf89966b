package io.redline.store.list;

import java.util.Arrays;

/**
 * The form for lists that outgrew {@link PackedList}: a growable circular array of element arrays.
 * Push and pop at both ends are O(1) (amortised over resizes), LINDEX/LSET are O(1), and an insert
 * or removal in the middle moves only the references on its shorter side.
 *
 * <p>The capacity is a power of two so a slot is {@code (head + i) & mask}; it halves when the list
 * falls to a quarter of it, so a queue that drained after a burst gives its memory back.
 */
final class ElementDeque implements ListForm {
  private static final int MIN_CAPACITY = 16;

  private byte[][] items;
  private int head;
  private int size;

  ElementDeque(int expected) {
    items = new byte[capacityFor(expected)][];
  }

  /** Copies a packed list's elements into a new deque, in order. */
  static ElementDeque of(PackedList packed) {
    ElementDeque d = new ElementDeque(packed.size() + 1);
    packed.scan(0, true, (i, b, off, len) -> {
      d.push(false, Arrays.copyOfRange(b, off, off + len));
      return true;
    });
    return d;
  }

  @Override
  public int size() { return size; }

  @Override
  public void push(boolean atHead, byte[] e) {
    if (size == items.length) resize(items.length * 2);
    if (atHead) {
      head = (head - 1) & (items.length - 1);
      items[head] = e;
    } else {
      items[slot(size)] = e;
    }
    size++;
  }

  @Override
  public byte[] pop(boolean atHead) {
    int s = atHead ? head : slot(size - 1);
    byte[] e = items[s];
    items[s] = null;
    if (atHead) head = (head + 1) & (items.length - 1);
    size--;
    maybeShrink();
    return e;
  }

  @Override
  public byte[] get(int index) { return items[slot(index)]; }

  @Override
  public void set(int index, byte[] e) { items[slot(index)] = e; }

  @Override
  public void insert(int index, byte[] e) {
    if (size == items.length) resize(items.length * 2);
    if (index < size / 2) {
      // Open the gap by moving the head side one slot towards the front.
      head = (head - 1) & (items.length - 1);
      for (int k = 0; k < index; k++) items[slot(k)] = items[slot(k + 1)];
    } else {
      for (int k = size; k > index; k--) items[slot(k)] = items[slot(k - 1)];
    }
    items[slot(index)] = e;
    size++;
  }

  @Override
  public void retain(int from, int to) {
    for (int k = 0; k < from; k++) items[slot(k)] = null;
    for (int k = to + 1; k < size; k++) items[slot(k)] = null;
    head = slot(from);
    size = to - from + 1;
    maybeShrink();
  }

  @Override
  public long removeMatches(byte[] b, int off, int len, long skip, long limit) {
    int w = 0;
    long seen = 0;
    long removed = 0;
    for (int r = 0; r < size; r++) {
      byte[] x = items[slot(r)];
      boolean drop = removed < limit && Arrays.equals(x, 0, x.length, b, off, off + len) && seen++ >= skip;
      if (drop) {
        removed++;
      } else {
        if (w != r) items[slot(w)] = x;
        w++;
      }
    }
    for (int k = w; k < size; k++) items[slot(k)] = null;
    size = w;
    maybeShrink();
    return removed;
  }

  @Override
  public void scan(int from, boolean towardsTail, ElementVisitor v) {
    if (towardsTail) {
      for (int i = from; i < size; i++) {
        byte[] x = items[slot(i)];
        if (!v.visit(i, x, 0, x.length)) return;
      }
    } else {
      for (int i = from; i >= 0; i--) {
        byte[] x = items[slot(i)];
        if (!v.visit(i, x, 0, x.length)) return;
      }
    }
  }

  @Override
  public ElementDeque copy() {
    ElementDeque c = new ElementDeque(size);
    for (int i = 0; i < size; i++) c.items[i] = items[slot(i)];
    c.size = size;
    return c;
  }

  private int slot(int i) { return (head + i) & (items.length - 1); }

  private void maybeShrink() {
    if (items.length > MIN_CAPACITY && size < items.length / 4) resize(capacityFor(size * 2));
  }

  private void resize(int capacity) {
    byte[][] n = new byte[capacity][];
    for (int i = 0; i < size; i++) n[i] = items[slot(i)];
    items = n;
    head = 0;
  }

  private static int capacityFor(int n) {
    if (n <= MIN_CAPACITY) return MIN_CAPACITY;
    int c = Integer.highestOneBit(n - 1) << 1;
    if (c <= 0) throw new IllegalStateException("list too long");
    return c;
  }
}
