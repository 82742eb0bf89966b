package io.redline.store.hll;

import java.util.Arrays;

/**
 * A HyperLogLog string being read or changed: its bytes and length, in Redis's format (see
 * {@link HllLayout}). It works on the stored value's own array while it can (dense updates and
 * cache writes happen in place); a sparse update that changes the length or a conversion to dense
 * moves it to a new array, which the caller stores back ({@link #bytes()}, {@link #length()}).
 */
public final class HllSketch {
  byte[] b;
  int len;

  public HllSketch(byte[] bytes, int length) {
    this.b = bytes;
    this.len = length;
  }

  public byte[] bytes() { return b; }
  public int length() { return len; }
  public boolean isDense() { return HllLayout.encoding(b) == HllLayout.DENSE; }

  void ensureCapacity(int need) {
    if (need > b.length) b = Arrays.copyOf(b, Math.max(need, b.length * 2));
  }

  /**
   * Adds one element: 1 if a register changed, 0 if not, -1 if the sketch is corrupt.
   * {@code sparseMax} is hll-sparse-max-bytes.
   */
  public int add(byte[] data, int off, int length, long sparseMax) {
    long hash = Murmur64A.hash(data, off, length, Murmur64A.HLL_SEED);
    int index = (int) (hash & (HllLayout.REGISTERS - 1));
    // The run of zeros after the index bits, plus one; the sentinel bit caps it at Q + 1.
    long rest = (hash >>> HllLayout.P) | (1L << HllLayout.Q);
    int count = Long.numberOfTrailingZeros(rest) + 1;
    return raise(index, count, sparseMax);
  }

  /** Raises a register to {@code count} if lower: 1 if changed, 0 if not, -1 if corrupt. */
  public int raise(int index, int count, long sparseMax) {
    switch (HllLayout.encoding(b)) {
      case HllLayout.DENSE:
        return DenseRegisters.raise(b, len, index, count) ? 1 : 0;
      case HllLayout.SPARSE:
        return SparseRegisters.raise(this, index, count, sparseMax);
      default:
        return -1;
    }
  }

  /** Converts a sparse sketch to dense (no-op if dense); false if the sparse runs are corrupt. */
  public boolean toDense() {
    if (isDense()) return true;
    return SparseRegisters.toDense(this);
  }

  /** Register i of a dense sketch. */
  public int register(int i) { return DenseRegisters.get(b, len, i); }

  /** Sets register i of a dense sketch (the self-test's direct access). */
  public void setRegister(int i, int v) { DenseRegisters.set(b, len, i, v); }

  /** Register-value counts (64 slots); false if the sparse runs are corrupt. */
  public boolean histogram(int[] hist) {
    if (isDense()) {
      DenseRegisters.histogram(b, len, hist);
      return true;
    }
    return SparseRegisters.histogram(b, len, hist);
  }

  /** max[i] = max(max[i], register i) over all 16384 registers; false if corrupt. */
  public boolean mergeInto(byte[] max) {
    if (isDense()) {
      DenseRegisters.mergeInto(b, len, max);
      return true;
    }
    return SparseRegisters.mergeInto(b, len, max);
  }

  public String decodeSparse() { return SparseRegisters.decode(b, len); }

  /** The estimate Redis 7.0 gives for these registers, or null if the sketch is corrupt. */
  public Long estimate() {
    int[] hist = new int[64];
    if (!histogram(hist)) return null;
    return HllEstimator.estimate(hist);
  }
}
