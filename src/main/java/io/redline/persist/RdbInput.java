package io.redline.persist;

import io.redline.util.RedisNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the RDB format's primitives from a payload in memory or a file, refusing anything
 * malformed with {@link RdbFormatException}. Every length taken from the data is checked against
 * the bytes that remain before anything is allocated, so a corrupt or hostile input can cost at
 * most about its own size in memory (LZF: its size times the format's maximum ratio).
 */
public abstract class RdbInput {
  /** LZF's best case: a 3-byte back reference expands to 264 bytes. */
  private static final long LZF_MAX_RATIO = 88;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /** Bytes left to read. */
  public abstract long remaining();

  /** Bytes read so far (for error messages). */
  public abstract long position();

  protected abstract int read() throws IOException; // -1 at the end

  protected abstract void readInto(byte[] dst, int off, int len) throws IOException; // caller checked remaining()

  /** An input over {@code b[off..off+len)}. */
  public static RdbInput of(byte[] b, int off, int len) { return new ArrayInput(b, off, len); }

  public static RdbInput of(byte[] b) { return of(b, 0, b.length); }

  public RdbFormatException corrupt(String what) {
    return new RdbFormatException(what + " (at byte " + position() + ")");
  }

  public int readUnsignedByte() throws IOException {
    int b = read();
    if (b < 0) throw corrupt("unexpected end of data");
    return b;
  }

  /** Fails unless {@code n} more bytes exist. */
  public void require(long n) throws RdbFormatException {
    if (n < 0 || n > remaining()) throw corrupt("length " + n + " runs past the end of the data");
  }

  public void readFully(byte[] dst, int off, int len) throws IOException {
    require(len);
    readInto(dst, off, len);
  }

  public byte[] readBytes(long len) throws IOException {
    require(len);
    if (len > MAX_ARRAY) throw corrupt("string of " + len + " bytes is too long");
    byte[] b = new byte[(int) len];
    readInto(b, 0, b.length);
    return b;
  }

  public long readLongLE() throws IOException {
    long v = 0;
    for (int s = 0; s < 64; s += 8) v |= (long) readUnsignedByte() << s;
    return v;
  }

  public int readIntLE() throws IOException {
    int v = 0;
    for (int s = 0; s < 32; s += 8) v |= readUnsignedByte() << s;
    return v;
  }

  public double readBinaryDouble() throws IOException { return Double.longBitsToDouble(readLongLE()); }

  /** A plain length (rdbLoadLen); an encoded-string marker here is corruption. */
  public long readLength() throws IOException {
    int b = readUnsignedByte();
    if ((b >>> 6) == 3) throw corrupt("an encoded value where a length was expected");
    return lengthAfter(b);
  }

  /**
   * A count of items that each take at least {@code minBytesEach} bytes: checked against what
   * remains, so a corrupt count cannot make the reader pre-size a huge collection.
   */
  public long readCount(int minBytesEach) throws IOException {
    long n = readLength();
    if (n > remaining() / Math.max(1, minBytesEach)) throw corrupt("count " + n + " larger than the data left");
    return n;
  }

  /** A string in any of Redis's encodings (raw, 8/16/32-bit integer, LZF), as its bytes. */
  public byte[] readString() throws IOException {
    int b = readUnsignedByte();
    if ((b >>> 6) != 3) return readBytes(lengthAfter(b));
    switch (b & 0x3f) {
      case RdbTypes.ENC_INT8 -> {
        return RedisNumbers.longToBytes((byte) readUnsignedByte());
      }
      case RdbTypes.ENC_INT16 -> {
        int lo = readUnsignedByte();
        return RedisNumbers.longToBytes((short) (lo | readUnsignedByte() << 8));
      }
      case RdbTypes.ENC_INT32 -> {
        return RedisNumbers.longToBytes(readIntLE());
      }
      case RdbTypes.ENC_LZF -> {
        return readLzf();
      }
      default -> throw corrupt("unknown string encoding " + (b & 0x3f));
    }
  }

  public String readUtf8() throws IOException { return new String(readString(), StandardCharsets.UTF_8); }

  private long lengthAfter(int first) throws IOException {
    int kind = first >>> 6;
    if (kind == 0) return first & 0x3f;
    if (kind == 1) return ((first & 0x3f) << 8) | readUnsignedByte();
    if (first == RdbTypes.LEN_32BIT) {
      long v = 0;
      for (int i = 0; i < 4; i++) v = (v << 8) | readUnsignedByte();
      return v;
    }
    if (first == RdbTypes.LEN_64BIT) {
      long v = 0;
      for (int i = 0; i < 8; i++) v = (v << 8) | readUnsignedByte();
      if (v < 0) throw corrupt("length out of range");
      return v;
    }
    throw corrupt("unknown length encoding " + first);
  }

  private byte[] readLzf() throws IOException {
    long clen = readLength();
    long len = readLength();
    require(clen);
    if (len > clen * LZF_MAX_RATIO || len > MAX_ARRAY) throw corrupt("LZF string claims " + len + " bytes from " + clen);
    byte[] c = readBytes(clen);
    byte[] out = new byte[(int) len];
    if (!Lzf.decompress(c, 0, c.length, out, out.length)) throw corrupt("invalid LZF compressed string");
    return out;
  }

  /** The old text double of RDB_TYPE_ZSET (rdbLoadDoubleValue): 253 nan, 254 +inf, 255 -inf, else a length and text. */
  public double readTextDouble() throws IOException {
    int len = readUnsignedByte();
    switch (len) {
      case 255 -> { return Double.NEGATIVE_INFINITY; }
      case 254 -> { return Double.POSITIVE_INFINITY; }
      case 253 -> { return Double.NaN; }
      default -> {
        byte[] text = readBytes(len);
        double d = RedisNumbers.parseRangeDouble(text, 0, text.length);
        if (d != d) throw corrupt("bad double value");
        return d;
      }
    }
  }

  /** Over a byte array (DUMP payloads, values inside a loaded file). */
  private static final class ArrayInput extends RdbInput {
    private final byte[] b;
    private final int start;
    private int pos;
    private final int end;

    ArrayInput(byte[] b, int off, int len) {
      this.b = b;
      this.start = off;
      this.pos = off;
      this.end = off + len;
    }

    @Override public long remaining() { return end - pos; }
    @Override public long position() { return pos - start; }

    @Override
    protected int read() { return pos < end ? b[pos++] & 0xff : -1; }

    @Override
    protected void readInto(byte[] dst, int off, int len) {
      System.arraycopy(b, pos, dst, off, len);
      pos += len;
    }
  }
}
