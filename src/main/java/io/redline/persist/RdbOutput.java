package io.redline.persist;

import java.util.Arrays;

/**
 * A growable byte buffer with the RDB format's primitive writers: opcodes, lengths, strings
 * (Redis's integer and LZF encodings included), times and binary doubles. DUMP payloads are built
 * in one; a background save fills one per shard and hands it to the file writer when it is full.
 */
public final class RdbOutput {
  private byte[] buf;
  private int size;
  private final boolean compress;
  private Lzf lzf;
  private byte[] scratch = new byte[0];

  /** {@code compress}: the rdbcompression setting. */
  public RdbOutput(int capacity, boolean compress) {
    this.buf = new byte[Math.max(16, capacity)];
    this.compress = compress;
  }

  public int size() { return size; }

  /** The backing array: bytes {@code [0, size())} are the output. */
  public byte[] array() { return buf; }

  public byte[] toByteArray() { return Arrays.copyOf(buf, size); }

  public void reset() { size = 0; }

  /** Drops everything after the first {@code n} bytes (undoes a record that could not be finished). */
  public void truncate(int n) { size = Math.min(size, n); }

  /** Drops the content and, if the buffer grew past {@code capacity}, its extra memory too. */
  public void reset(int capacity) {
    size = 0;
    if (buf.length > capacity * 2) buf = new byte[capacity];
  }

  private void ensure(int more) {
    long need = (long) size + more;
    if (need <= buf.length) return;
    if (need > Integer.MAX_VALUE - 16) throw new IllegalStateException("value too large to serialise: " + need + " bytes");
    buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, buf.length * 2L)));
  }

  public void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  public void writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void writeBytes(byte[] b) { writeBytes(b, 0, b.length); }

  /** Redis's rdbSaveLen: 6, 14, 32 or 64 bits, big-endian after the two tag bits. */
  public void writeLength(long len) {
    ensure(9);
    if (len < (1 << 6)) {
      buf[size++] = (byte) len;
    } else if (len < (1 << 14)) {
      buf[size++] = (byte) (((len >>> 8) & 0x3f) | 0x40);
      buf[size++] = (byte) len;
    } else if (len <= 0xffffffffL) {
      buf[size++] = (byte) RdbTypes.LEN_32BIT;
      for (int s = 24; s >= 0; s -= 8) buf[size++] = (byte) (len >>> s);
    } else {
      buf[size++] = (byte) RdbTypes.LEN_64BIT;
      for (int s = 56; s >= 0; s -= 8) buf[size++] = (byte) (len >>> s);
    }
  }

  /** Eight bytes, little-endian (expire times, binary doubles). */
  public void writeLongLE(long v) {
    ensure(8);
    for (int s = 0; s < 64; s += 8) buf[size++] = (byte) (v >>> s);
  }

  public void writeBinaryDouble(double d) { writeLongLE(Double.doubleToRawLongBits(d)); }

  /**
   * Redis's rdbSaveRawString: a canonical integer of at most 11 characters that fits 32 bits is
   * stored as an encoded integer; otherwise, with compression on and more than 20 bytes, LZF if
   * it saves at least 4 bytes; otherwise length and bytes.
   */
  public void writeString(byte[] b, int off, int len) {
    if (len <= 11 && len > 0 && io.redline.util.RedisNumbers.isLong(b, off, len)) {
      long v = io.redline.util.RedisNumbers.parseLong(b, off, len);
      if (writeEncodedInteger(v)) return;
    }
    if (compress && len > 20 && writeLzf(b, off, len)) return;
    writeLength(len);
    writeBytes(b, off, len);
  }

  public void writeString(byte[] b) { writeString(b, 0, b.length); }

  public void writeString(String s) { writeString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }

  /** Redis's rdbSaveLongLongAsStringObject: an encoded integer when it fits 32 bits, else its digits. */
  public void writeLongAsString(long v) {
    if (writeEncodedInteger(v)) return;
    byte[] digits = io.redline.util.RedisNumbers.longToBytes(v);
    writeLength(digits.length);
    writeBytes(digits);
  }

  private boolean writeEncodedInteger(long v) {
    ensure(5);
    if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      buf[size++] = (byte) (RdbTypes.ENC_VALUE | RdbTypes.ENC_INT8);
      buf[size++] = (byte) v;
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      buf[size++] = (byte) (RdbTypes.ENC_VALUE | RdbTypes.ENC_INT16);
      buf[size++] = (byte) v;
      buf[size++] = (byte) (v >>> 8);
    } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      buf[size++] = (byte) (RdbTypes.ENC_VALUE | RdbTypes.ENC_INT32);
      for (int s = 0; s < 32; s += 8) buf[size++] = (byte) (v >>> s);
    } else {
      return false;
    }
    return true;
  }

  private boolean writeLzf(byte[] b, int off, int len) {
    int outLen = len - 4; // worth it only if it saves four bytes
    if (scratch.length < outLen + 1) scratch = new byte[outLen + 1];
    if (lzf == null) lzf = new Lzf();
    int n = lzf.compress(b, off, len, scratch, outLen);
    if (n == 0) return false;
    writeByte(RdbTypes.ENC_VALUE | RdbTypes.ENC_LZF);
    writeLength(n);
    writeLength(len);
    writeBytes(scratch, 0, n);
    if (scratch.length > 1 << 20) scratch = new byte[0]; // a one-off big value should not pin memory
    return true;
  }
}
