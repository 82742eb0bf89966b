package io.redline.store.list;

import java.util.Arrays;

/**
 * The compact form for small lists (Redis's listpack idea): every element in one byte array, each
 * entry laid out as {@code [length][bytes][length]}. The length is a little-endian base-128 varint,
 * written forwards before the bytes and mirrored after them, so the list can be walked from either
 * end and both ends pop in O(1). Live bytes sit in {@code buf[begin..end)} with free room on both
 * sides, so pushes at either end are amortised O(1) too.
 *
 * <p>A three-byte element costs five bytes here against about thirty as its own Java array plus a
 * slot in a reference array. Index access walks entries from the nearer end, which is why
 * {@link ListValue} only keeps small lists in this form.
 */
final class PackedList implements ListForm {
  private static final byte[] EMPTY = new byte[0];
  private static final int SHRINK_FLOOR = 64;

  private byte[] buf = EMPTY;
  private int begin;
  private int end;
  private int count;

  @Override
  public int size() { return count; }

  /** Bytes the entries take, free room excluded. */
  int bytes() { return end - begin; }

  /** What an element of {@code len} bytes costs in this form. */
  static long entrySize(long len) {
    return len + 2L * varLen((int) Math.min(len, Integer.MAX_VALUE));
  }

  @Override
  public void push(boolean atHead, byte[] e) {
    int need = (int) entrySize(e.length);
    if (atHead) {
      if (begin < need) grow(need, true);
      begin -= need;
      writeEntry(buf, begin, e);
    } else {
      if (buf.length - end < need) grow(need, false);
      end = writeEntry(buf, end, e);
    }
    count++;
  }

  @Override
  public byte[] pop(boolean atHead) {
    byte[] out;
    if (atHead) {
      int len = lenAt(begin);
      int data = begin + varLen(len);
      out = Arrays.copyOfRange(buf, data, data + len);
      begin = data + len + varLen(len);
    } else {
      int len = lenBefore(end);
      int data = end - varLen(len) - len;
      out = Arrays.copyOfRange(buf, data, data + len);
      end = data - varLen(len);
    }
    count--;
    maybeShrink();
    return out;
  }

  @Override
  public byte[] get(int index) {
    int p = entryStart(index);
    int len = lenAt(p);
    int data = p + varLen(len);
    return Arrays.copyOfRange(buf, data, data + len);
  }

  @Override
  public void set(int index, byte[] e) {
    int s = entryStart(index);
    splice(s, s + (int) entrySize(lenAt(s)), e);
  }

  @Override
  public void insert(int index, byte[] e) {
    int s = entryStart(index);
    splice(s, s, e);
    count++;
  }

  @Override
  public void retain(int from, int to) {
    int s = entryStart(from);
    int t = entryStart(to + 1);
    begin = s;
    end = t;
    count = to - from + 1;
    maybeShrink();
  }

  @Override
  public long removeMatches(byte[] b, int off, int len, long skip, long limit) {
    int r = begin;
    int w = begin;
    long seen = 0;
    long removed = 0;
    while (r < end) {
      int l = lenAt(r);
      int size = (int) entrySize(l);
      int data = r + varLen(l);
      boolean drop = removed < limit && l == len
          && Arrays.equals(buf, data, data + l, b, off, off + len) && seen++ >= skip;
      if (drop) {
        removed++;
      } else {
        if (w != r) System.arraycopy(buf, r, buf, w, size);
        w += size;
      }
      r += size;
    }
    end = w;
    count -= (int) removed;
    maybeShrink();
    return removed;
  }

  @Override
  public void scan(int from, boolean towardsTail, ElementVisitor v) {
    if (towardsTail) {
      int p = entryStart(from);
      for (int i = from; i < count; i++) {
        int l = lenAt(p);
        int data = p + varLen(l);
        if (!v.visit(i, buf, data, l)) return;
        p = data + l + varLen(l);
      }
    } else {
      int q = entryStart(from + 1);
      for (int i = from; i >= 0; i--) {
        int l = lenBefore(q);
        int data = q - varLen(l) - l;
        if (!v.visit(i, buf, data, l)) return;
        q = data - varLen(l);
      }
    }
  }

  @Override
  public PackedList copy() {
    PackedList c = new PackedList();
    int used = end - begin;
    int slack = slackFor(used);
    c.buf = new byte[used + slack];
    c.begin = slack / 2;
    c.end = c.begin + used;
    c.count = count;
    System.arraycopy(buf, begin, c.buf, c.begin, used);
    return c;
  }

  // ------------------------------------------------------------------ layout

  /** Offset of entry {@code index} (0..count; count gives the end), walked from the nearer end. */
  private int entryStart(int index) {
    if (index <= count / 2) {
      int p = begin;
      for (int i = 0; i < index; i++) p += (int) entrySize(lenAt(p));
      return p;
    }
    int q = end;
    for (int i = count; i > index; i--) q -= (int) entrySize(lenBefore(q));
    return q;
  }

  /** Replaces the bytes {@code [s, t)} with the entry for {@code e}, moving the shorter side. */
  private void splice(int s, int t, byte[] e) {
    int need = (int) entrySize(e.length);
    int delta = need - (t - s);
    if (delta > 0) {
      boolean prefixShorter = s - begin <= end - t;
      if (begin >= delta && (prefixShorter || buf.length - end < delta)) {
        System.arraycopy(buf, begin, buf, begin - delta, s - begin);
        begin -= delta;
        s -= delta;
      } else if (buf.length - end >= delta) {
        System.arraycopy(buf, t, buf, t + delta, end - t);
        end += delta;
      } else {
        int used = end - begin + delta;
        int slack = slackFor(used);
        byte[] nb = new byte[used + slack];
        int at = slack / 2;
        System.arraycopy(buf, begin, nb, at, s - begin);
        int ns = at + (s - begin);
        System.arraycopy(buf, t, nb, ns + need, end - t);
        buf = nb;
        begin = at;
        end = at + used;
        s = ns;
      }
    } else if (delta < 0) {
      int cut = -delta;
      if (s - begin <= end - t) {
        System.arraycopy(buf, begin, buf, begin + cut, s - begin);
        begin += cut;
        s += cut;
      } else {
        System.arraycopy(buf, t, buf, t - cut, end - t);
        end -= cut;
      }
    }
    writeEntry(buf, s, e);
  }

  /** Reallocates with {@code need} free bytes on the side being pushed and slack on both. */
  private void grow(int need, boolean atHead) {
    int used = end - begin;
    int newUsed = used + need;
    int slack = slackFor(newUsed);
    byte[] nb = new byte[newUsed + slack];
    int at = slack / 2 + (atHead ? need : 0);
    System.arraycopy(buf, begin, nb, at, used);
    buf = nb;
    begin = at;
    end = at + used;
  }

  /** Gives memory back after pops and trims: a drained queue should not keep its peak size. */
  private void maybeShrink() {
    int used = end - begin;
    if (buf.length <= SHRINK_FLOOR || used * 4 >= buf.length) return;
    int slack = slackFor(used);
    byte[] nb = new byte[used + slack];
    int at = slack / 2;
    System.arraycopy(buf, begin, nb, at, used);
    buf = nb;
    begin = at;
    end = at + used;
  }

  /** A quarter of the size as free room keeps pushes amortised O(1) at a bounded memory cost. */
  private static int slackFor(int used) {
    return Math.max(8, used >> 2);
  }

  // ------------------------------------------------------------------ varints

  static int varLen(int n) {
    if (n < (1 << 7)) return 1;
    if (n < (1 << 14)) return 2;
    if (n < (1 << 21)) return 3;
    if (n < (1 << 28)) return 4;
    return 5;
  }

  /** Writes the whole entry at {@code p} and returns the offset just past it. */
  private static int writeEntry(byte[] dst, int p, byte[] e) {
    int len = e.length;
    int k = varLen(len);
    int v = len;
    for (int i = 0; i < k; i++, v >>>= 7) dst[p + i] = (byte) ((v & 0x7f) | (i < k - 1 ? 0x80 : 0));
    p += k;
    System.arraycopy(e, 0, dst, p, len);
    p += len;
    v = len;
    // Mirrored: the last byte holds the lowest group, so a backwards read meets it first.
    for (int i = 0; i < k; i++, v >>>= 7) dst[p + k - 1 - i] = (byte) ((v & 0x7f) | (i < k - 1 ? 0x80 : 0));
    return p + k;
  }

  /** The length stored in the entry that starts at {@code p}. */
  private int lenAt(int p) {
    int v = 0;
    int shift = 0;
    int x;
    do {
      x = buf[p++];
      v |= (x & 0x7f) << shift;
      shift += 7;
    } while ((x & 0x80) != 0);
    return v;
  }

  /** The length stored in the entry that ends just before {@code q}. */
  private int lenBefore(int q) {
    int v = 0;
    int shift = 0;
    int x;
    do {
      x = buf[--q];
      v |= (x & 0x7f) << shift;
      shift += 7;
    } while ((x & 0x80) != 0);
    return v;
  }
}
