package io.redline.store.hll;

/**
 * MurmurHash64A (Austin Appleby's 64-bit MurmurHash2 for 64-bit platforms), reading the input
 * as little-endian words. HyperLogLog needs exactly this function and seed to place elements in
 * the same registers as Redis, so that sketches are interchangeable byte for byte.
 */
public final class Murmur64A {
  /** The seed Redis's HyperLogLog hashes every element with. */
  public static final long HLL_SEED = 0xadc83b19L;

  private static final long M = 0xc6a4a7935bd1e995L;
  private static final int R = 47;

  private Murmur64A() {}

  public static long hash(byte[] data, int off, int len, long seed) {
    long h = seed ^ (len * M);
    int blocks = len & ~7;
    int i = off;
    for (int end = off + blocks; i < end; i += 8) {
      long k = (data[i] & 0xffL)
          | (data[i + 1] & 0xffL) << 8
          | (data[i + 2] & 0xffL) << 16
          | (data[i + 3] & 0xffL) << 24
          | (data[i + 4] & 0xffL) << 32
          | (data[i + 5] & 0xffL) << 40
          | (data[i + 6] & 0xffL) << 48
          | (data[i + 7] & 0xffL) << 56;
      k *= M;
      k ^= k >>> R;
      k *= M;
      h ^= k;
      h *= M;
    }
    int rest = len & 7;
    if (rest > 0) {
      // The tail bytes are folded in from the highest one down, then mixed once.
      for (int j = rest - 1; j >= 0; j--) h ^= (data[i + j] & 0xffL) << (8 * j);
      h *= M;
    }
    h ^= h >>> R;
    h *= M;
    h ^= h >>> R;
    return h;
  }
}
