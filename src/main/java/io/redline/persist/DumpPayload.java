package io.redline.persist;

import java.io.IOException;

/**
 * DUMP's serialisation, as Redis's createDumpPayload: the value's type byte and RDB payload, then
 * the RDB version (2 bytes, little-endian) and a CRC-64 of everything before it (8 bytes,
 * little-endian). A payload from Redis 7.0 restores here and one from here restores in Redis.
 */
public final class DumpPayload {
  private static final int FOOTER = 10;

  private DumpPayload() {}

  /** The DUMP payload of a stored value; {@code compress} is the rdbcompression setting, which DUMP honours as Redis does. */
  public static byte[] create(Object value, boolean compress) {
    ValueEncoder enc = new ValueEncoder();
    RdbOutput out = new RdbOutput(64, compress);
    out.writeByte(enc.typeOf(value));
    enc.writeValue(out, value);
    out.writeByte(RdbTypes.RDB_VERSION);
    out.writeByte(0);
    out.writeLongLE(Crc64.of(out.array(), 0, out.size()));
    return out.toByteArray();
  }

  /** Redis's verifyDumpPayload: long enough, a version this server reads, and a matching checksum. */
  public static boolean verify(byte[] p) {
    if (p.length < FOOTER) return false;
    int version = (p[p.length - 10] & 0xff) | (p[p.length - 9] & 0xff) << 8;
    if (version > RdbTypes.RDB_VERSION) return false;
    long crc = 0;
    for (int i = 0; i < 8; i++) crc |= (p[p.length - 8 + i] & 0xffL) << (8 * i);
    return Crc64.of(p, 0, p.length - 8) == crc;
  }

  /**
   * The value in a payload that passed {@link #verify}; {@link RdbFormatException} for anything
   * malformed, including an empty collection (Redis answers "Bad data format" for those too).
   */
  public static Object decode(byte[] p, ValueDecoder decoder) throws RdbFormatException {
    RdbInput in = RdbInput.of(p, 0, p.length - FOOTER);
    try {
      int type = in.readUnsignedByte();
      if (!RdbTypes.isValueType(type)) throw in.corrupt("not a value type: " + type);
      Object value = decoder.read(type, in);
      if (value == null) throw in.corrupt("empty value");
      return value;
    } catch (RdbFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // A codec bug or an unexpected shape must still end as "Bad data format", never a crash.
      throw new RdbFormatException("malformed payload: " + e);
    }
  }
}
