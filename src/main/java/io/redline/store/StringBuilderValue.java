package io.redline.store;

import java.util.Arrays;

/**
 * A string value that grows in place (APPEND, SETRANGE), like Redis's "raw" sds with spare room,
 * so repeated appends are amortised O(1) instead of copying the whole value each time.
 */
public final class StringBuilderValue {
  private byte[] bytes;
  private int length;

  public StringBuilderValue(byte[] initial, int extraCapacity) {
    this.bytes = Arrays.copyOf(initial, initial.length + extraCapacity);
    this.length = initial.length;
  }

  public int length() { return length; }
  public byte[] array() { return bytes; }

  public byte[] toBytes() { return Arrays.copyOf(bytes, length); }

  public void append(byte[] src, int off, int len) {
    ensure(length + len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
  }

  /** Writes at {@code offset}, zero-padding any gap, as SETRANGE does. */
  public void write(int offset, byte[] src, int off, int len) {
    ensure(offset + len);
    if (offset > length) Arrays.fill(bytes, length, offset, (byte) 0);
    System.arraycopy(src, off, bytes, offset, len);
    length = Math.max(length, offset + len);
  }

  private void ensure(int need) {
    if (need <= bytes.length) return;
    // Redis's sdsMakeRoomFor policy: double below 1 MB, then grow by 1 MB.
    long cap = need < 1024 * 1024 ? (long) need * 2 : (long) need + 1024 * 1024;
    bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Integer.MAX_VALUE - 8)); // largest array the JVM allows
  }
}
