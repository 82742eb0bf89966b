package io.redline.persist;

import io.redline.util.RedisNumbers;
import java.util.Arrays;

/**
 * Builds a listpack byte for byte as Redis 7.0's lpAppend does: a 6-byte header (total bytes,
 * element count), entries that each hold an encoding byte, the data and a back-length, and an
 * end byte. A string that is a canonical 64-bit integer is stored as an integer in the smallest
 * of the seven integer encodings, so the bytes (and a DUMP of them) equal Redis's.
 *
 * <p>Used for hash and sorted-set values, quicklist nodes, and by modules (stream nodes).
 */
public final class ListpackWriter {
  static final int HEADER = 6;
  public static final int END = 0xFF;

  private byte[] buf = new byte[64];
  private int size = HEADER;
  private int count;

  public int count() { return count; }

  /** The listpack's total size if finished now (header, entries and end byte). */
  public int bytes() { return size + 1; }

  public void reset() {
    size = HEADER;
    count = 0;
    if (buf.length > 1 << 16) buf = new byte[64];
  }

  private void ensure(int more) {
    if (size + more + 1 > buf.length) buf = Arrays.copyOf(buf, Math.max(size + more + 1, buf.length * 2));
  }

  /** Appends an element given as bytes, stored as an integer when Redis would. */
  public ListpackWriter add(byte[] b, int off, int len) {
    if (len > 0 && len <= 20 && RedisNumbers.isLong(b, off, len)) return add(RedisNumbers.parseLong(b, off, len));
    int header = len < 64 ? 1 : len < 4096 ? 2 : 5;
    ensure(header + len + 5);
    int start = size;
    if (header == 1) {
      buf[size++] = (byte) (0x80 | len);
    } else if (header == 2) {
      buf[size++] = (byte) (0xE0 | (len >>> 8));
      buf[size++] = (byte) len;
    } else {
      buf[size++] = (byte) 0xF0;
      for (int s = 0; s < 32; s += 8) buf[size++] = (byte) (len >>> s);
    }
    System.arraycopy(b, off, buf, size, len);
    size += len;
    writeBacklen(size - start);
    count++;
    return this;
  }

  public ListpackWriter add(byte[] b) { return add(b, 0, b.length); }

  /** Appends an integer element in the smallest encoding that holds it. */
  public ListpackWriter add(long v) {
    ensure(9 + 1);
    int start = size;
    if (v >= 0 && v <= 127) {
      buf[size++] = (byte) v;
    } else if (v >= -4096 && v <= 4095) {
      long u = v < 0 ? (1 << 13) + v : v;
      buf[size++] = (byte) ((u >>> 8) | 0xC0);
      buf[size++] = (byte) u;
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      buf[size++] = (byte) 0xF1;
      putLE(v, 2);
    } else if (v >= -(1 << 23) && v <= (1 << 23) - 1) {
      buf[size++] = (byte) 0xF2;
      putLE(v, 3);
    } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      buf[size++] = (byte) 0xF3;
      putLE(v, 4);
    } else {
      buf[size++] = (byte) 0xF4;
      putLE(v, 8);
    }
    writeBacklen(size - start);
    count++;
    return this;
  }

  /** A sorted-set score as Redis stores it in a listpack: its d2string text (an integer when integral). */
  public ListpackWriter addScore(double score) {
    byte[] text = RedisNumbers.formatDouble(score).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return add(text, 0, text.length);
  }

  private void putLE(long v, int n) {
    for (int i = 0; i < n; i++) buf[size++] = (byte) (v >>> (8 * i));
  }

  /** lpEncodeBacklen: the entry length in 7-bit groups, most significant first, high bit on all but the first. */
  private void writeBacklen(int l) {
    ensure(5);
    size += encodeBacklen(buf, size, l);
  }

  static int backlenSize(long l) {
    if (l <= 127) return 1;
    if (l < 16383) return 2;
    if (l < 2097151) return 3;
    if (l < 268435455) return 4;
    return 5;
  }

  static int encodeBacklen(byte[] dst, int p, long l) {
    int n = backlenSize(l);
    for (int i = 0; i < n; i++) {
      int shift = 7 * (n - 1 - i);
      int group = (int) ((l >>> shift) & 127);
      dst[p + i] = (byte) (i == 0 ? group : group | 128);
    }
    return n;
  }

  /** The finished listpack; the writer may be reset and reused afterwards. */
  public byte[] finish() {
    ensure(1);
    buf[size] = (byte) END;
    int total = size + 1;
    for (int s = 0; s < 32; s += 8) buf[s / 8] = (byte) (total >>> s);
    int c = Math.min(count, 65535); // LP_HDR_NUMELE_UNKNOWN when it does not fit 16 bits
    buf[4] = (byte) c;
    buf[5] = (byte) (c >>> 8);
    return Arrays.copyOf(buf, total);
  }
}
