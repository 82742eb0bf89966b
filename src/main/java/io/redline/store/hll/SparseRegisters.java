package io.redline.store.hll;

/**
 * The sparse encoding: a sequence of run-length opcodes covering the 16384 registers in order.
 * ZERO {@code 00llllll}: 1..64 zero registers; XZERO {@code 01llllll llllllll}: 1..16384 zero
 * registers; VAL {@code 1vvvvvll}: 1..4 registers of value 1..32. A register that needs more than
 * 32, or an update that would push the string past hll-sparse-max-bytes, turns the sketch dense.
 *
 * <p>Updates rewrite the opcode holding the register exactly as Redis does (split into at most
 * prefix run, new value, suffix run; then merge equal neighbouring VALs in a short window), so
 * the resulting bytes are Redis's bytes.
 */
final class SparseRegisters {
  static final int VAL_MAX_VALUE = 32;
  static final int VAL_MAX_LEN = 4;
  static final int ZERO_MAX_LEN = 64;
  /** How many opcodes from the one before the change the merge pass may look at. */
  private static final int MERGE_WINDOW = 5;

  private SparseRegisters() {}

  static boolean isZero(int op) { return (op & 0xc0) == 0; }
  static boolean isXzero(int op) { return (op & 0xc0) == 0x40; }
  static boolean isVal(int op) { return (op & 0x80) != 0; }
  static int zeroLen(int op) { return (op & 0x3f) + 1; }
  static int xzeroLen(int op, int next) { return (((op & 0x3f) << 8) | next) + 1; }
  static int valValue(int op) { return ((op >>> 2) & 0x1f) + 1; }
  static int valLen(int op) { return (op & 3) + 1; }

  static byte val(int value, int len) { return (byte) (0x80 | ((value - 1) << 2) | (len - 1)); }

  static void putXzero(byte[] b, int at, int len) {
    b[at] = (byte) (0x40 | ((len - 1) >>> 8));
    b[at + 1] = (byte) (len - 1);
  }

  /** A zero run as ZERO or XZERO; the bytes written. */
  private static int putZeros(byte[] seq, int at, int len) {
    if (len > ZERO_MAX_LEN) {
      putXzero(seq, at, len);
      return 2;
    }
    seq[at] = (byte) (len - 1);
    return 1;
  }

  /** The byte at i, or 0 past the end (where Redis reads the string's terminator). */
  private static int at(byte[] b, int len, int i) { return i < len ? b[i] & 0xff : 0; }

  /**
   * Raises register {@code index} to {@code count}: 1 if it changed, 0 if it already held as
   * much, -1 if the opcodes are corrupt. May turn the sketch dense.
   */
  static int raise(HllSketch s, int index, int count, long maxBytes) {
    if (count > VAL_MAX_VALUE) return promote(s, index, count);
    byte[] b = s.b;
    int end = s.len;
    int p = HllLayout.HEADER;
    int first = 0;
    int prev = -1;
    int span = 0;
    while (p < end) {
      int op = b[p] & 0xff;
      int oplen = 1;
      if (isZero(op)) {
        span = zeroLen(op);
      } else if (isVal(op)) {
        span = valLen(op);
      } else {
        span = xzeroLen(op, at(b, end, p + 1));
        oplen = 2;
      }
      if (index <= first + span - 1) break;
      prev = p;
      p += oplen;
      first += span;
    }
    if (span == 0 || p >= end) return -1;

    int op = b[p] & 0xff;
    int next = isXzero(op) ? p + 2 : p + 1;
    if (next >= end) next = -1;
    int runlen = isZero(op) ? zeroLen(op) : isXzero(op) ? xzeroLen(op, at(b, end, p + 1)) : valLen(op);
    int last = first + runlen - 1;

    if (isVal(op)) {
      if (valValue(op) >= count) return 0;
      if (runlen == 1) {
        b[p] = val(count, 1);
        mergeNeighbours(s, prev);
        return 1;
      }
    }
    if (isZero(op) && runlen == 1) {
      b[p] = val(count, 1);
      mergeNeighbours(s, prev);
      return 1;
    }

    // General case: the opcode becomes [run before] VAL(count,1) [run after].
    byte[] seq = new byte[5];
    int n = 0;
    if (isVal(op)) {
      int cur = valValue(op);
      if (index != first) seq[n++] = val(cur, index - first);
      seq[n++] = val(count, 1);
      if (index != last) seq[n++] = val(cur, last - index);
    } else {
      if (index != first) n += putZeros(seq, n, index - first);
      seq[n++] = val(count, 1);
      if (index != last) n += putZeros(seq, n, last - index);
    }
    int oldlen = isXzero(op) ? 2 : 1;
    int delta = n - oldlen;
    if (delta > 0 && (long) s.len + delta > maxBytes) return promote(s, index, count);
    s.ensureCapacity(Math.max(s.len + delta, p + n));
    b = s.b;
    if (delta != 0 && next >= 0) System.arraycopy(b, next, b, next + delta, end - next);
    s.len += delta;
    System.arraycopy(seq, 0, b, p, n);
    mergeNeighbours(s, prev);
    return 1;
  }

  /**
   * Joins adjacent VALs of equal value whose lengths fit one opcode, looking at a few opcodes from
   * the one before the change (or the first), and marks the cached cardinality stale.
   */
  private static void mergeNeighbours(HllSketch s, int prev) {
    byte[] b = s.b;
    int p = prev >= 0 ? prev : HllLayout.HEADER;
    int window = MERGE_WINDOW;
    while (p < s.len && window-- > 0) {
      int op = b[p] & 0xff;
      if (isXzero(op)) {
        p += 2;
        continue;
      }
      if (isZero(op)) {
        p++;
        continue;
      }
      if (p + 1 < s.len && isVal(b[p + 1] & 0xff)) {
        int right = b[p + 1] & 0xff;
        if (valValue(op) == valValue(right)) {
          int len = valLen(op) + valLen(right);
          if (len <= VAL_MAX_LEN) {
            b[p + 1] = val(valValue(op), len);
            System.arraycopy(b, p + 1, b, p, s.len - p - 1);
            s.len--;
            continue; // the merged run may merge again with the next one
          }
        }
      }
      p++;
    }
    HllLayout.invalidateCache(b);
  }

  private static int promote(HllSketch s, int index, int count) {
    if (!toDense(s)) return -1;
    DenseRegisters.raise(s.b, s.len, index, count);
    return 1;
  }

  /**
   * Rewrites the sketch dense, keeping the header; false (and unchanged) if the runs do not cover
   * exactly 16384 registers. (A VAL run past the end is an error even when the registers before it
   * add up, as in the redis-server 7.0 builds with the CVE-2025-32023 fix.)
   */
  static boolean toDense(HllSketch s) {
    byte[] src = s.b;
    int end = s.len;
    byte[] dense = new byte[HllLayout.DENSE_SIZE];
    System.arraycopy(src, 0, dense, 0, HllLayout.HEADER);
    dense[HllLayout.ENCODING_BYTE] = HllLayout.DENSE;
    int idx = 0;
    int p = HllLayout.HEADER;
    while (p < end) {
      int op = src[p] & 0xff;
      if (isZero(op)) {
        idx += zeroLen(op);
        p++;
      } else if (isXzero(op)) {
        idx += xzeroLen(op, at(src, end, p + 1));
        p += 2;
      } else {
        int runlen = valLen(op);
        int v = valValue(op);
        if (idx + runlen > HllLayout.REGISTERS) return false;
        for (int k = 0; k < runlen; k++) DenseRegisters.set(dense, dense.length, idx++, v);
        p++;
      }
    }
    if (idx != HllLayout.REGISTERS) return false;
    s.b = dense;
    s.len = dense.length;
    return true;
  }

  /** Adds the register values to {@code hist}; false if the runs do not cover exactly 16384 registers. */
  static boolean histogram(byte[] b, int end, int[] hist) {
    int idx = 0;
    int p = HllLayout.HEADER;
    while (p < end) {
      int op = b[p] & 0xff;
      if (isZero(op)) {
        idx += zeroLen(op);
        hist[0] += zeroLen(op);
        p++;
      } else if (isXzero(op)) {
        int runlen = xzeroLen(op, at(b, end, p + 1));
        idx += runlen;
        hist[0] += runlen;
        p += 2;
      } else {
        idx += valLen(op);
        hist[valValue(op)] += valLen(op);
        p++;
      }
    }
    return idx == HllLayout.REGISTERS;
  }

  /** max[i] = max(max[i], register i); false if the runs are corrupt. */
  static boolean mergeInto(byte[] b, int end, byte[] max) {
    int idx = 0;
    int p = HllLayout.HEADER;
    while (p < end) {
      int op = b[p] & 0xff;
      if (isZero(op)) {
        idx += zeroLen(op);
        p++;
      } else if (isXzero(op)) {
        idx += xzeroLen(op, at(b, end, p + 1));
        p += 2;
      } else {
        int runlen = valLen(op);
        int v = valValue(op);
        if (idx + runlen > HllLayout.REGISTERS) return false;
        for (int k = 0; k < runlen; k++, idx++) if (v > max[idx]) max[idx] = (byte) v;
        p++;
      }
    }
    return idx == HllLayout.REGISTERS;
  }

  /** PFDEBUG DECODE's text: "z:len", "Z:len" and "v:value,len" for each opcode, space separated. */
  static String decode(byte[] b, int end) {
    StringBuilder out = new StringBuilder();
    int p = HllLayout.HEADER;
    while (p < end) {
      int op = b[p] & 0xff;
      if (out.length() > 0) out.append(' ');
      if (isZero(op)) {
        out.append("z:").append(zeroLen(op));
        p++;
      } else if (isXzero(op)) {
        out.append("Z:").append(xzeroLen(op, at(b, end, p + 1)));
        p += 2;
      } else {
        out.append("v:").append(valValue(op)).append(',').append(valLen(op));
        p++;
      }
    }
    return out.toString();
  }
}
