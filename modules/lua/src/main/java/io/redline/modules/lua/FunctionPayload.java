// FUNCTION DUMP / FUNCTION RESTORE payloads in Redis 7.0's format.
package io.redline.modules.lua;

import io.redline.persist.Crc64;
import io.redline.persist.Lzf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A payload is what Redis writes for functions in an RDB file: per library the opcode 245
 * (RDB_OPCODE_FUNCTION2) and the library's code as an RDB string (LZF-compressed when that is
 * shorter), then the RDB version (10, two bytes little-endian) and the CRC64 of all that
 * (eight bytes little-endian). Payloads therefore move between Redis 7.0 and Redline both ways.
 */
final class FunctionPayload {
  static final int RDB_VERSION = 10;
  static final int OPCODE_FUNCTION2 = 245;
  /** 7.0-rc1/rc2 libraries: name, engine, optional description and body as separate strings. */
  static final int OPCODE_FUNCTION_PRE_GA = 246;
  private static final int ENC_INT8 = 0;
  private static final int ENC_INT16 = 1;
  private static final int ENC_INT32 = 2;
  private static final int ENC_LZF = 3;

  private FunctionPayload() {}

  /**
   * The payload of FUNCTION DUMP for these libraries' codes, in order; {@code compress} is the
   * rdbcompression setting, which Redis's string writer follows here too.
   */
  static byte[] dump(List<byte[]> codes, boolean compress) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Lzf lzf = compress ? new Lzf() : null;
    for (byte[] code : codes) {
      out.write(OPCODE_FUNCTION2);
      writeString(out, code, lzf);
    }
    out.write(RDB_VERSION & 0xff);
    out.write((RDB_VERSION >> 8) & 0xff);
    byte[] body = out.toByteArray();
    long crc = Crc64.of(body, 0, body.length);
    for (int i = 0; i < 8; i++) out.write((int) (crc >>> (8 * i)) & 0xff);
    return out.toByteArray();
  }

  /**
   * An RDB string as Redis saves it with rdbcompression on. (Redis first tries the integer
   * encoding for strings of up to 11 bytes; library code starts with "#!", so it never applies.)
   */
  private static void writeString(ByteArrayOutputStream out, byte[] s, Lzf lzf) {
    if (lzf != null && s.length > 20) {
      // Only worth it when it saves more than 4 bytes, as Redis decides.
      byte[] packed = new byte[s.length - 4 + 1];
      int n = lzf.compress(s, 0, s.length, packed, s.length - 4);
      if (n > 0) {
        out.write(0xC0 | ENC_LZF);
        writeLength(out, n);
        writeLength(out, s.length);
        out.write(packed, 0, n);
        return;
      }
    }
    writeLength(out, s.length);
    out.writeBytes(s);
  }

  private static void writeLength(ByteArrayOutputStream out, long len) {
    if (len < 64) {
      out.write((int) len);
    } else if (len < 16384) {
      out.write(0x40 | (int) (len >> 8));
      out.write((int) len & 0xff);
    } else if (len <= 0xffffffffL) {
      out.write(0x80);
      for (int i = 3; i >= 0; i--) out.write((int) (len >>> (8 * i)) & 0xff);
    } else {
      out.write(0x81);
      for (int i = 7; i >= 0; i--) out.write((int) (len >>> (8 * i)) & 0xff);
    }
  }

  /** Whether the footer holds a version this server reads (at most 10) and the body's CRC64. */
  static boolean verify(byte[] p) {
    if (p.length < 10) return false;
    int footer = p.length - 10;
    int version = (p[footer] & 0xff) | (p[footer + 1] & 0xff) << 8;
    if (version > RDB_VERSION) return false;
    long crc = Crc64.of(p, 0, p.length - 8);
    for (int i = 0; i < 8; i++) {
      if ((byte) (crc >>> (8 * i)) != p[footer + 2 + i]) return false;
    }
    return true;
  }

  /** A payload that failed to parse; the message is Redis's, without the "ERR " code. */
  static final class Malformed extends Exception {
    Malformed(String message) { super(message, null, false, false); }
  }

  /**
   * Reads a verified payload one library at a time, as Redis does (so a bad second library is
   * reported only after the first was accepted). Reads may run into the footer, as in Redis.
   */
  static final class Reader {
    private final byte[] p;
    private int pos;

    Reader(byte[] payload) { this.p = payload; }

    /** Whether another library follows (more than the 10 footer bytes remain). */
    boolean hasNext() { return p.length - pos > 10; }

    /** The next library's code ("#!lua name=... ..."). */
    byte[] next() throws Malformed {
      int type = p[pos++] & 0xff;
      if (type == OPCODE_FUNCTION_PRE_GA) return preGa();
      if (type != OPCODE_FUNCTION2) throw new Malformed("given type is not a function");
      byte[] code = string();
      if (code == null) throw new Malformed("Failed loading library payload");
      return code;
    }

    private byte[] preGa() throws Malformed {
      byte[] name = string();
      if (name == null) throw new Malformed("Failed loading library name");
      byte[] engine = string();
      if (engine == null) throw new Malformed("Failed loading engine name");
      long hasDescription = length(null);
      if (hasDescription < 0) throw new Malformed("Failed loading library description indicator");
      if (hasDescription != 0 && string() == null) throw new Malformed("Failed loading library description");
      byte[] blob = string();
      if (blob == null) throw new Malformed("Failed loading library blob");
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      o.writeBytes("#!".getBytes(StandardCharsets.US_ASCII));
      o.writeBytes(engine);
      o.writeBytes(" name=".getBytes(StandardCharsets.US_ASCII));
      o.writeBytes(name);
      o.write('\n');
      o.writeBytes(blob);
      return o.toByteArray();
    }

    /** An RDB length; -1 when malformed or cut short. {@code encoded[0]} is set for special encodings. */
    private long length(boolean[] encoded) {
      if (pos >= p.length) return -1;
      int b = p[pos++] & 0xff;
      int kind = (b & 0xC0) >> 6;
      if (kind == 3) {
        if (encoded == null) return -1;
        encoded[0] = true;
        return b & 0x3F;
      }
      if (kind == 0) return b & 0x3F;
      if (kind == 1) {
        if (pos >= p.length) return -1;
        return (long) (b & 0x3F) << 8 | (p[pos++] & 0xff);
      }
      int bytes = b == 0x80 ? 4 : b == 0x81 ? 8 : -1;
      if (bytes < 0 || pos + bytes > p.length) return -1;
      long v = 0;
      for (int i = 0; i < bytes; i++) v = v << 8 | (p[pos++] & 0xff);
      return v;
    }

    /** An RDB string, or null when malformed. */
    private byte[] string() {
      boolean[] encoded = new boolean[1];
      long len = length(encoded);
      if (len < 0) return null;
      if (encoded[0]) {
        return switch ((int) len) {
          case ENC_INT8 -> integer(1);
          case ENC_INT16 -> integer(2);
          case ENC_INT32 -> integer(4);
          case ENC_LZF -> lzf();
          default -> null;
        };
      }
      return take(len);
    }

    private byte[] take(long len) {
      if (len > p.length - pos) return null;
      byte[] s = java.util.Arrays.copyOfRange(p, pos, pos + (int) len);
      pos += (int) len;
      return s;
    }

    /** Little-endian signed integers, stored as their decimal text. */
    private byte[] integer(int bytes) {
      if (pos + bytes > p.length) return null;
      long v = 0;
      for (int i = bytes - 1; i >= 0; i--) v = v << 8 | (p[pos + i] & 0xff);
      pos += bytes;
      int shift = 64 - 8 * bytes;
      v = (v << shift) >> shift;
      return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] lzf() {
      long clen = length(null);
      if (clen < 0) return null;
      long len = length(null);
      // A back reference of at most 3 bytes expands to at most 264: a longer claim is corrupt,
      // and refusing it keeps a forged length from allocating gigabytes.
      if (len < 0 || clen > p.length - pos || len > clen * 264 || len > Integer.MAX_VALUE - 8) return null;
      byte[] out = new byte[(int) len];
      boolean ok = Lzf.decompress(p, pos, (int) clen, out, (int) len);
      pos += (int) clen;
      return ok ? out : null;
    }
  }
}
