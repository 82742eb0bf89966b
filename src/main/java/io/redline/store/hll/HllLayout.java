package io.redline.store.hll;

/**
 * Redis's HyperLogLog string format, as documented in its hyperloglog.c: a 16-byte header
 * ("HYLL", encoding byte, 3 reserved bytes, 8-byte little-endian cached cardinality whose top bit
 * marks it stale) followed by 16384 six-bit registers, either packed ("dense", always 12304 bytes
 * in all) or run-length coded ("sparse"). Values that follow it byte for byte can be moved
 * between Redline and Redis with GET/SET, DUMP/RESTORE or RDB files.
 */
public final class HllLayout {
  public static final int HEADER = 16;
  public static final int P = 14;
  public static final int REGISTERS = 1 << P;
  public static final int Q = 64 - P;
  public static final int REGISTER_BITS = 6;
  public static final int REGISTER_MAX = (1 << REGISTER_BITS) - 1;
  public static final int DENSE_SIZE = HEADER + (REGISTERS * REGISTER_BITS + 7) / 8;
  public static final int DENSE = 0;
  public static final int SPARSE = 1;
  static final int ENCODING_BYTE = 4;
  private static final int CARD = 8;

  private HllLayout() {}

  /** A new, empty sketch: sparse, one run of 16384 zero registers, cached cardinality 0. */
  public static byte[] empty() {
    byte[] b = new byte[HEADER + 2];
    b[0] = 'H';
    b[1] = 'Y';
    b[2] = 'L';
    b[3] = 'L';
    b[ENCODING_BYTE] = SPARSE;
    SparseRegisters.putXzero(b, HEADER, REGISTERS);
    return b;
  }

  /** Whether a string looks like a sketch: magic, a known encoding, and the exact dense size. */
  public static boolean isValid(byte[] b, int len) {
    if (len < HEADER) return false;
    if (b[0] != 'H' || b[1] != 'Y' || b[2] != 'L' || b[3] != 'L') return false;
    int enc = b[ENCODING_BYTE] & 0xff;
    if (enc > SPARSE) return false;
    return enc != DENSE || len == DENSE_SIZE;
  }

  public static int encoding(byte[] b) { return b[ENCODING_BYTE] & 0xff; }

  public static boolean cacheValid(byte[] b) { return (b[CARD + 7] & 0x80) == 0; }

  /** Marks the cached cardinality stale; only the top bit changes, as in Redis. */
  public static void invalidateCache(byte[] b) { b[CARD + 7] |= (byte) 0x80; }

  public static long cachedCardinality(byte[] b) {
    long v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | (b[CARD + i] & 0xffL);
    return v;
  }

  public static void cacheCardinality(byte[] b, long card) {
    for (int i = 0; i < 8; i++) b[CARD + i] = (byte) (card >>> (8 * i));
  }
}
