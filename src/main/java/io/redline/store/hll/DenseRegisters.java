package io.redline.store.hll;

/**
 * The dense encoding: register i is six bits starting at bit 6*i of the data, least significant
 * bit first, so a register may straddle two bytes. {@code len} is the string's length: the last
 * register ends exactly at the last byte, and reads past it see zero.
 */
final class DenseRegisters {
  private DenseRegisters() {}

  static int get(byte[] b, int len, int i) {
    int pos = i * HllLayout.REGISTER_BITS;
    int at = HllLayout.HEADER + (pos >>> 3);
    int shift = pos & 7;
    int lo = b[at] & 0xff;
    int hi = at + 1 < len ? b[at + 1] & 0xff : 0;
    return ((lo >>> shift) | (hi << (8 - shift))) & HllLayout.REGISTER_MAX;
  }

  static void set(byte[] b, int len, int i, int v) {
    int pos = i * HllLayout.REGISTER_BITS;
    int at = HllLayout.HEADER + (pos >>> 3);
    int shift = pos & 7;
    b[at] = (byte) ((b[at] & ~(HllLayout.REGISTER_MAX << shift)) | (v << shift));
    if (at + 1 < len) {
      int rest = 8 - shift;
      b[at + 1] = (byte) ((b[at + 1] & ~(HllLayout.REGISTER_MAX >>> rest)) | (v >>> rest));
    }
  }

  /** Raises register i to v if it is lower; whether it changed. */
  static boolean raise(byte[] b, int len, int i, int v) {
    if (get(b, len, i) >= v) return false;
    set(b, len, i, v);
    return true;
  }

  static void histogram(byte[] b, int len, int[] hist) {
    for (int i = 0; i < HllLayout.REGISTERS; i++) hist[get(b, len, i)]++;
  }

  static void mergeInto(byte[] b, int len, byte[] max) {
    for (int i = 0; i < HllLayout.REGISTERS; i++) {
      int v = get(b, len, i);
      if (v > max[i]) max[i] = (byte) v;
    }
  }
}
