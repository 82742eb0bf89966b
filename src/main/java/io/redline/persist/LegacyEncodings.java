package io.redline.persist;

import io.redline.util.RedisNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readers for the compact encodings older Redis versions wrote and 7.0 still loads: ziplists
 * (lists, hashes and sorted sets up to RDB 9, quicklist nodes before 7.0) and zipmaps (hashes
 * from Redis 2.4). Each blob is validated as a whole, then returned as its elements' bytes.
 */
final class LegacyEncodings {
  private LegacyEncodings() {}

  /** The entries of a ziplist, in order, each as bytes (integers as their decimal text). */
  static List<byte[]> ziplist(byte[] zl) throws RdbFormatException {
    if (zl.length < 11) throw new RdbFormatException("ziplist too short");
    long total = u32(zl, 0);
    long tail = u32(zl, 4);
    int declared = (zl[8] & 0xff) | (zl[9] & 0xff) << 8;
    if (total != zl.length) throw new RdbFormatException("ziplist header size mismatch");
    int end = zl.length - 1;
    if ((zl[end] & 0xff) != 0xff) throw new RdbFormatException("ziplist without end byte");
    if (tail > end) throw new RdbFormatException("ziplist tail offset out of bounds");
    List<byte[]> out = new ArrayList<>();
    int p = 10;
    long prevSize = 0;
    int last = -1;
    while (p < end) {
      int start = p;
      int first = zl[p] & 0xff;
      long prevlen;
      if (first < 254) {
        prevlen = first;
        p += 1;
      } else if (first == 254) {
        if (p + 5 > end) throw new RdbFormatException("ziplist prevlen out of bounds");
        prevlen = u32(zl, p + 1);
        p += 5;
      } else {
        throw new RdbFormatException("ziplist entry where the end was expected");
      }
      if (prevlen != prevSize) throw new RdbFormatException("ziplist prevlen mismatch");
      if (p >= end) throw new RdbFormatException("ziplist entry out of bounds");
      int e = zl[p] & 0xff;
      byte[] value;
      switch (e >>> 6) {
        case 0 -> {
          int len = e & 0x3f;
          value = slice(zl, p + 1, len, end);
          p += 1 + len;
        }
        case 1 -> {
          if (p + 1 >= end) throw new RdbFormatException("ziplist entry out of bounds");
          int len = ((e & 0x3f) << 8) | (zl[p + 1] & 0xff);
          value = slice(zl, p + 2, len, end);
          p += 2 + len;
        }
        case 2 -> {
          if (e != 0x80 || p + 5 > end) throw new RdbFormatException("invalid ziplist string encoding");
          long len = ((zl[p + 1] & 0xffL) << 24) | ((zl[p + 2] & 0xffL) << 16) | ((zl[p + 3] & 0xffL) << 8) | (zl[p + 4] & 0xffL);
          if (len > end - p - 5) throw new RdbFormatException("ziplist entry out of bounds");
          value = slice(zl, p + 5, (int) len, end);
          p += 5 + (int) len;
        }
        default -> {
          int n;
          long v;
          if (e >= 0xF1 && e <= 0xFD) {
            n = 0;
            v = (e & 0x0f) - 1;
          } else {
            n = switch (e) {
              case 0xC0 -> 2;
              case 0xD0 -> 4;
              case 0xE0 -> 8;
              case 0xF0 -> 3;
              case 0xFE -> 1;
              default -> throw new RdbFormatException("invalid ziplist integer encoding " + e);
            };
            if (p + 1 + n > end) throw new RdbFormatException("ziplist entry out of bounds");
            long raw = 0;
            for (int i = 0; i < n; i++) raw |= (zl[p + 1 + i] & 0xffL) << (8 * i);
            int shift = 64 - 8 * n;
            v = (raw << shift) >> shift;
          }
          value = RedisNumbers.longToBytes(v).clone();
          p += 1 + n;
        }
      }
      prevSize = p - start;
      last = start;
      out.add(value);
    }
    if (p != end) throw new RdbFormatException("ziplist entries overrun the end");
    if (!out.isEmpty() && last != tail) throw new RdbFormatException("ziplist tail offset mismatch");
    if (declared != 65535 && declared != out.size()) throw new RdbFormatException("ziplist count mismatch");
    return out;
  }

  /** A zipmap's field/value pairs, flattened: field0, value0, field1, value1... */
  static List<byte[]> zipmap(byte[] zm) throws RdbFormatException {
    if (zm.length < 2) throw new RdbFormatException("zipmap too short");
    int end = zm.length;
    int p = 1; // the first byte is a count hint
    List<byte[]> out = new ArrayList<>();
    while (true) {
      if (p >= end) throw new RdbFormatException("zipmap without end byte");
      if ((zm[p] & 0xff) == 255) {
        if (p != end - 1) throw new RdbFormatException("zipmap has bytes after its end");
        break;
      }
      int[] at = {p};
      byte[] field = zipmapString(zm, at, false);
      byte[] value = zipmapString(zm, at, true);
      out.add(field);
      out.add(value);
      p = at[0];
    }
    if (out.size() % 2 != 0) throw new RdbFormatException("zipmap with an odd number of strings");
    return out;
  }

  private static byte[] zipmapString(byte[] zm, int[] at, boolean withFree) throws RdbFormatException {
    int p = at[0];
    int end = zm.length - 1;
    if (p >= end) throw new RdbFormatException("zipmap entry out of bounds");
    long len = zm[p] & 0xff;
    if (len == 254) {
      if (p + 5 > end) throw new RdbFormatException("zipmap entry out of bounds");
      len = u32(zm, p + 1);
      p += 5;
    } else if (len == 255) {
      throw new RdbFormatException("zipmap ends inside an entry");
    } else {
      p += 1;
    }
    int free = 0;
    if (withFree) {
      if (p >= end) throw new RdbFormatException("zipmap entry out of bounds");
      free = zm[p++] & 0xff;
    }
    if (len > end - p || free > end - p - len) throw new RdbFormatException("zipmap entry out of bounds");
    byte[] s = Arrays.copyOfRange(zm, p, p + (int) len);
    at[0] = p + (int) len + free;
    return s;
  }

  /** An intset blob's width in bytes (2, 4 or 8); call {@link #intset} first to validate it. */
  static int intsetWidth(byte[] is) { return (int) u32(is, 0); }

  /** An intset blob's members, checking encoding, size and strict ascending order. */
  static long[] intset(byte[] is) throws RdbFormatException {
    if (is.length < 8) throw new RdbFormatException("intset too short");
    long enc = u32(is, 0);
    long len = u32(is, 4);
    if (enc != 2 && enc != 4 && enc != 8) throw new RdbFormatException("invalid intset encoding " + enc);
    if (len == 0 || 8 + enc * len != is.length) throw new RdbFormatException("intset size mismatch");
    long[] out = new long[(int) len];
    int w = (int) enc;
    for (int i = 0; i < len; i++) {
      long raw = 0;
      for (int k = 0; k < w; k++) raw |= (is[8 + i * w + k] & 0xffL) << (8 * k);
      int shift = 64 - 8 * w;
      out[i] = (raw << shift) >> shift;
      if (i > 0 && out[i] <= out[i - 1]) throw new RdbFormatException("intset not sorted or has duplicates");
    }
    return out;
  }

  private static byte[] slice(byte[] b, int off, int len, int end) throws RdbFormatException {
    if (off + (long) len > end) throw new RdbFormatException("ziplist entry out of bounds");
    return Arrays.copyOfRange(b, off, off + len);
  }

  static long u32(byte[] b, int p) {
    return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
  }
}
