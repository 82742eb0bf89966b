package io.redline.command;

import java.util.Arrays;

/** A growable list of ints, reused per connection to collect key positions without boxing. */
public final class IntList {
  private int[] items = new int[8];
  private int size;

  public void clear() { size = 0; }
  public int size() { return size; }
  public int get(int i) { return items[i]; }

  public void add(int v) {
    if (size == items.length) items = Arrays.copyOf(items, size * 2);
    items[size++] = v;
  }
}
