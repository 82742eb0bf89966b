package io.redline.persist;

import io.redline.util.RedisNumbers;

/**
 * Walks a listpack taken from untrusted input (an RDB file, a RESTORE payload). The whole
 * structure is validated when the reader is made, as Redis's deep sanitisation does: header
 * size, every entry's encoding and bounds, every back-length, the element count and the end
 * byte. After that, {@link #next} cannot run out of bounds.
 */
public final class ListpackReader {
  private final byte[] lp;
  private final int end; // offset of the end byte
  private final int count;
  private int pos = ListpackWriter.HEADER;
  // the entry last read by next()
  private boolean isInt;
  private long intValue;
  private int strOff;
  private int strLen;
  private final byte[] backlen = new byte[5];

  public ListpackReader(byte[] lp) throws RdbFormatException {
    this.lp = lp;
    if (lp.length < ListpackWriter.HEADER + 1) throw new RdbFormatException("listpack too short");
    long total = u32(0);
    if (total != lp.length) throw new RdbFormatException("listpack header size " + total + " != " + lp.length);
    this.end = lp.length - 1;
    if ((lp[end] & 0xff) != ListpackWriter.END) throw new RdbFormatException("listpack without end byte");
    int declared = (lp[4] & 0xff) | (lp[5] & 0xff) << 8;
    int n = 0;
    for (int p = ListpackWriter.HEADER; p < end; n++) p = validateEntry(p);
    if (declared != 65535 && declared != n) throw new RdbFormatException("listpack count " + declared + " != " + n);
    this.count = n;
  }

  public int count() { return count; }

  /** Moves to the next entry; false after the last. */
  public boolean next() {
    if (pos >= end) return false;
    int p = pos;
    int b = lp[p] & 0xff;
    int size;
    if ((b & 0x80) == 0) {
      setInt(b);
      size = 1;
    } else if ((b & 0xC0) == 0x80) {
      setStr(p + 1, b & 0x3f);
      size = 1 + strLen;
    } else if ((b & 0xE0) == 0xC0) {
      int u = ((b & 0x1f) << 8) | (lp[p + 1] & 0xff);
      setInt(u >= 1 << 12 ? u - (1 << 13) : u);
      size = 2;
    } else if ((b & 0xF0) == 0xE0) {
      setStr(p + 2, ((b & 0x0f) << 8) | (lp[p + 1] & 0xff));
      size = 2 + strLen;
    } else if (b == 0xF0) {
      setStr(p + 5, (int) u32(p + 1));
      size = 5 + strLen;
    } else {
      int n = intBytes(b);
      long v = 0;
      for (int i = 0; i < n; i++) v |= (lp[p + 1 + i] & 0xffL) << (8 * i);
      int shift = 64 - 8 * n;
      setInt((v << shift) >> shift); // sign-extend
      size = 1 + n;
    }
    pos = p + size + ListpackWriter.backlenSize(size);
    return true;
  }

  private void setInt(long v) {
    isInt = true;
    intValue = v;
  }

  private void setStr(int off, int len) {
    isInt = false;
    strOff = off;
    strLen = len;
  }

  public boolean isInt() { return isInt; }

  public long intValue() { return intValue; }

  /** The current entry as bytes (an integer as its decimal text), a fresh array. */
  public byte[] bytes() {
    if (isInt) return RedisNumbers.longToBytes(intValue).clone();
    return java.util.Arrays.copyOfRange(lp, strOff, strOff + strLen);
  }

  /** The current entry read as a sorted-set score: an integer, or text parsed as Redis's zzlStrtod does. */
  public double score() throws RdbFormatException {
    if (isInt) return intValue;
    double d = RedisNumbers.parseRangeDouble(lp, strOff, strLen);
    if (d != d) throw new RdbFormatException("listpack score is not a number");
    return d;
  }

  private static int intBytes(int encoding) {
    return switch (encoding) {
      case 0xF1 -> 2;
      case 0xF2 -> 3;
      case 0xF3 -> 4;
      case 0xF4 -> 8;
      default -> -1;
    };
  }

  private long u32(int p) {
    return (lp[p] & 0xffL) | (lp[p + 1] & 0xffL) << 8 | (lp[p + 2] & 0xffL) << 16 | (lp[p + 3] & 0xffL) << 24;
  }

  /** Checks the entry at {@code p} and returns the offset of the next one. */
  private int validateEntry(int p) throws RdbFormatException {
    int b = lp[p] & 0xff;
    long size;
    if ((b & 0x80) == 0) size = 1;
    else if ((b & 0xC0) == 0x80) size = 1 + (b & 0x3f);
    else if ((b & 0xE0) == 0xC0) size = 2;
    else if ((b & 0xF0) == 0xE0) {
      if (p + 1 >= end) throw new RdbFormatException("listpack entry header out of bounds");
      size = 2 + (((b & 0x0f) << 8) | (lp[p + 1] & 0xff));
    } else if (b == 0xF0) {
      if (p + 4 >= end) throw new RdbFormatException("listpack entry header out of bounds");
      size = 5 + u32(p + 1);
    } else if (intBytes(b) > 0) size = 1 + intBytes(b);
    else throw new RdbFormatException("invalid listpack encoding " + b);
    long next = p + size + ListpackWriter.backlenSize(size);
    if (next > end) throw new RdbFormatException("listpack entry out of bounds");
    int n = ListpackWriter.encodeBacklen(backlen, 0, size);
    for (int i = 0; i < n; i++) {
      if (lp[(int) (p + size + i)] != backlen[i]) throw new RdbFormatException("listpack back-length mismatch");
    }
    return (int) next;
  }
}
