package io.redline.store.list;

import io.redline.store.RedisValue;
import io.redline.store.StoredValue;
import java.util.Arrays;

/**
 * A stored list. Small lists live packed in one byte array ({@link PackedList}); a list that passes
 * {@link #PACKED_MAX_BYTES} or {@link #PACKED_MAX_ELEMENTS} moves, once and for good, to a circular
 * array of element arrays ({@link ElementDeque}) with O(1) access by index. See docs/list.md.
 *
 * <p>OBJECT ENCODING says "quicklist" whatever the form: Redis 7.0 reports that for every list
 * (listpack-encoded lists arrived in 7.2), so the switch is invisible to clients.
 *
 * <p>Element arrays handed in are kept, not copied; arrays handed out by {@link #get} and
 * {@link #pop} belong to the caller only for reading.
 */
public final class ListValue implements RedisValue, StoredValue {
  /** Packed bytes past which index access by walking gets too slow to keep the packed form. */
  static final int PACKED_MAX_BYTES = 8192;
  static final int PACKED_MAX_ELEMENTS = 1024;

  private ListForm form = new PackedList();

  public ListValue() {}

  private ListValue(ListForm form) { this.form = form; }

  @Override
  public String typeName() { return "list"; }

  @Override
  public String encoding() { return "quicklist"; }

  public int size() { return form.size(); }

  public boolean isEmpty() { return form.size() == 0; }

  /** True while the list is in its packed form (for tests and memory reports). */
  public boolean isPacked() { return form instanceof PackedList; }

  public void push(boolean atHead, byte[] element) {
    makeRoom(element.length, 1);
    form.push(atHead, element);
  }

  public byte[] pop(boolean atHead) { return form.pop(atHead); }

  /** The element at {@code index}, 0-based from the head and in range. */
  public byte[] get(int index) { return form.get(index); }

  public void set(int index, byte[] element) {
    makeRoom(element.length, 0);
    form.set(index, element);
  }

  /** Inserts so that the new element is at {@code index} (0..size). */
  public void insert(int index, byte[] element) {
    makeRoom(element.length, 1);
    form.insert(index, element);
  }

  /** Keeps elements {@code from..to} (inclusive, in range, from <= to), as LTRIM does. */
  public void retain(int from, int to) { form.retain(from, to); }

  /**
   * LREM: removes elements equal to {@code b[off..off+len)}; {@code count} > 0 removes the first
   * count of them, < 0 the last -count, 0 all. Returns how many were removed.
   */
  public long remove(byte[] b, int off, int len, long count) {
    // -Long.MIN_VALUE does not exist; Redis 7.0 then never reaches its limit and removes every match.
    long limit = count == 0 || count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
    long skip = 0;
    if (count < 0 && limit != Long.MAX_VALUE) {
      // Removing the last N matches is the same as keeping the first (matches - N).
      long[] matches = {0};
      form.scan(0, true, (i, x, o, l) -> {
        if (Arrays.equals(x, o, o + l, b, off, off + len)) matches[0]++;
        return true;
      });
      skip = Math.max(0, matches[0] - limit);
    }
    return form.removeMatches(b, off, len, skip, limit);
  }

  /** Walks elements from {@code from} (in range) towards the tail or the head; see {@link ElementVisitor}. */
  public void scan(int from, boolean towardsTail, ElementVisitor visitor) {
    if (form.size() > 0) form.scan(from, towardsTail, visitor);
  }

  @Override
  public ListValue copy() { return new ListValue(form.copy()); }

  /** Leaves the packed form before a change would take it past its bounds. */
  private void makeRoom(long elementLength, int added) {
    if (form instanceof PackedList p
        && (p.bytes() + PackedList.entrySize(elementLength) > PACKED_MAX_BYTES
            || p.size() + added > PACKED_MAX_ELEMENTS)) {
      form = ElementDeque.of(p);
    }
  }
}
