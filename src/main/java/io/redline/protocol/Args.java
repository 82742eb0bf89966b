package io.redline.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The arguments of one command as slices of a byte array: no per-argument copies.
 *
 * <p>Slices of the parser's read buffer are only valid during the parser's callback; a command
 * that must outlive it (it hops to another shard, or waits behind a pending reply) takes a
 * {@link #detach() detached} copy, which owns one compact array for all its arguments.
 */
public final class Args {
  private byte[] buf;
  private int[] off;
  private int[] len;
  private int count;

  public Args(int capacity) {
    off = new int[Math.max(capacity, 1)];
    len = new int[Math.max(capacity, 1)];
  }

  /** Builds detached arguments from separate byte arrays (tests, internal calls, scripts). */
  public static Args of(byte[]... parts) {
    int total = 0;
    for (byte[] p : parts) total += p.length;
    Args a = new Args(parts.length);
    a.buf = new byte[total];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, a.buf, pos, p.length);
      a.add(pos, p.length);
      pos += p.length;
    }
    return a;
  }

  public static Args of(String... parts) {
    byte[][] b = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) b[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    return of(b);
  }

  void reset(byte[] buffer) {
    this.buf = buffer;
    this.count = 0;
  }

  /** Points the slices at {@code buffer}, their bytes having moved there {@code shift} places earlier. */
  void rebase(byte[] buffer, int shift) {
    this.buf = buffer;
    for (int i = 0; i < count; i++) off[i] -= shift;
  }

  void add(int offset, int length) {
    if (count == off.length) {
      int n = off.length * 2;
      off = Arrays.copyOf(off, n);
      len = Arrays.copyOf(len, n);
    }
    off[count] = offset;
    len[count] = length;
    count++;
  }

  /** A copy that owns its bytes, safe to keep after the parser callback returns. */
  public Args detach() {
    int total = 0;
    for (int i = 0; i < count; i++) total += len[i];
    Args a = new Args(count);
    a.buf = new byte[total];
    int pos = 0;
    for (int i = 0; i < count; i++) {
      System.arraycopy(buf, off[i], a.buf, pos, len[i]);
      a.off[i] = pos;
      a.len[i] = len[i];
      pos += len[i];
    }
    a.count = count;
    return a;
  }

  /** Arguments from index {@code from} on, as a new detached Args (for wrappers like COMMAND GETKEYS). */
  public Args tail(int from) {
    Args a = new Args(Math.max(count - from, 1));
    a.buf = buf;
    for (int i = from; i < count; i++) a.add(off[i], len[i]);
    return a.detach();
  }

  public int size() { return count; }
  public byte[] buffer() { return buf; }
  public int offset(int i) { return off[i]; }
  public int length(int i) { return len[i]; }

  public byte[] bytes(int i) {
    return Arrays.copyOfRange(buf, off[i], off[i] + len[i]);
  }

  public String string(int i) {
    return new String(buf, off[i], len[i], StandardCharsets.UTF_8);
  }

  /** The argument as Latin-1 chars (one per byte), cut at its first NUL as C code would print it. */
  public String cString(int i) {
    int n = 0;
    while (n < len[i] && buf[off[i] + n] != 0) n++;
    return new String(buf, off[i], n, StandardCharsets.ISO_8859_1);
  }

  /** Case-insensitive comparison with an ASCII word such as "EX" or "nx". */
  public boolean is(int i, String word) {
    if (len[i] != word.length()) return false;
    int o = off[i];
    for (int k = 0; k < len[i]; k++) {
      int a = buf[o + k];
      int b = word.charAt(k);
      if (a != b && toLower(a) != toLower(b)) return false;
    }
    return true;
  }

  public boolean equals(int i, byte[] other) {
    return Arrays.equals(buf, off[i], off[i] + len[i], other, 0, other.length);
  }

  /** Lower-case ASCII name, used for command lookup. */
  public String lowerName(int i) {
    char[] c = new char[len[i]];
    int o = off[i];
    for (int k = 0; k < c.length; k++) c[k] = (char) toLower(buf[o + k] & 0xff);
    return new String(c);
  }

  private static int toLower(int c) {
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(' ');
      sb.append(string(i));
    }
    return sb.append(']').toString();
  }
}
