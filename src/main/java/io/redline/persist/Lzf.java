package io.redline.persist;

/**
 * LZF, the compression of RDB strings (rdbcompression) and of DUMP payloads.
 *
 * <p>The compressor follows liblzf 3.6 as Redis builds it (HLOG 16, VERY_FAST, 64-bit offsets),
 * so that for the same input it picks the same matches and Redline's DUMP output is byte for
 * byte Redis's. One difference is deliberate: Redis leaves liblzf's hash table uninitialised
 * (INIT_HTAB 0), so a slot left over from an earlier call can add a match; here every call
 * starts from an empty table (a generation stamp instead of clearing 64K slots each time), which
 * is what Redis does on a fresh stack. Output from either decompresses the same.
 *
 * <p>An instance holds the table and is not thread-safe; {@link #decompress} is static.
 */
public final class Lzf {
  private static final int HLOG = 16;
  private static final int HSIZE = 1 << HLOG;
  private static final int MAX_LIT = 1 << 5;
  private static final int MAX_OFF = 1 << 13;
  private static final int MAX_REF = (1 << 8) + (1 << 3);

  private final int[] positions = new int[HSIZE];
  private final int[] stamps = new int[HSIZE];
  private int generation;

  /**
   * Compresses {@code in[inOff..inOff+inLen)} into {@code out[0..)}, producing at most
   * {@code outLen} bytes ({@code out} must hold {@code outLen + 1}); returns the compressed
   * length, or 0 when it does not fit.
   */
  public int compress(byte[] in, int inOff, int inLen, byte[] out, int outLen) {
    if (inLen == 0 || outLen == 0) return 0;
    if (++generation == 0) { // wrapped: forget every stamp once in 2^32 calls
      java.util.Arrays.fill(stamps, 0);
      generation = 1;
    }
    int ip = 0;
    int op = 1; // the first literal run's control byte
    int lit = 0;
    int inEnd = inLen;
    int hval = inLen >= 2 ? first(in, inOff) : 0;
    while (ip < inEnd - 2) {
      hval = (hval << 8) | (in[inOff + ip + 2] & 0xff);
      int slot = index(hval);
      // An empty slot reads as offset 0, which liblzf never matches ("ref > in_data").
      int ref = stamps[slot] == generation ? positions[slot] : 0;
      positions[slot] = ip;
      stamps[slot] = generation;
      int off = ip - ref - 1;
      if (ref > 0 && off < MAX_OFF
          && in[inOff + ref + 2] == in[inOff + ip + 2]
          && in[inOff + ref] == in[inOff + ip] && in[inOff + ref + 1] == in[inOff + ip + 1]) {
        int len = 2;
        int maxlen = Math.min(inEnd - ip - len, MAX_REF);
        if (op + 3 + 1 >= outLen && op - (lit == 0 ? 1 : 0) + 3 + 1 >= outLen) return 0;
        out[op - lit - 1] = (byte) (lit - 1); // close the literal run
        if (lit == 0) op--; // an empty run leaves no control byte
        len = matchLength(in, inOff + ref, inOff + ip, len, maxlen);
        len -= 2;
        ip++;
        if (len < 7) {
          out[op++] = (byte) ((off >> 8) + (len << 5));
        } else {
          out[op++] = (byte) ((off >> 8) + (7 << 5));
          out[op++] = (byte) (len - 7);
        }
        out[op++] = (byte) off;
        lit = 0;
        op++;
        ip += len + 1;
        if (ip >= inEnd - 2) break;
        // VERY_FAST: hash the last two positions of the match too.
        ip -= 2;
        hval = first(in, inOff + ip);
        hval = (hval << 8) | (in[inOff + ip + 2] & 0xff);
        put(index(hval), ip);
        ip++;
        hval = (hval << 8) | (in[inOff + ip + 2] & 0xff);
        put(index(hval), ip);
        ip++;
      } else {
        if (op >= outLen) return 0;
        lit++;
        out[op++] = in[inOff + ip++];
        if (lit == MAX_LIT) {
          out[op - lit - 1] = (byte) (lit - 1);
          lit = 0;
          op++;
        }
      }
    }
    if (op + 3 > outLen) return 0;
    while (ip < inEnd) {
      lit++;
      out[op++] = in[inOff + ip++];
      if (lit == MAX_LIT) {
        out[op - lit - 1] = (byte) (lit - 1);
        lit = 0;
        op++;
      }
    }
    out[op - lit - 1] = (byte) (lit - 1);
    if (lit == 0) op--;
    return op;
  }

  /**
   * liblzf's match extension, unrolled part included: up to 16 bytes are compared without the
   * maxlen bound when maxlen > 16, which can make a match run one byte past maxlen at the end of
   * the input. Reproduced as is, since it decides the bytes written.
   */
  private static int matchLength(byte[] b, int ref, int ip, int len, int maxlen) {
    if (maxlen > 16) {
      for (int k = 0; k < 16; k++) {
        len++;
        if (b[ref + len] != b[ip + len]) return len;
      }
    }
    do {
      len++;
    } while (len < maxlen && b[ref + len] == b[ip + len]);
    return len;
  }

  private void put(int slot, int pos) {
    positions[slot] = pos;
    stamps[slot] = generation;
  }

  private static int first(byte[] b, int p) { return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff); }

  private static int index(int h) { return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1); }

  /**
   * Decompresses {@code in[inOff..inOff+inLen)} into exactly {@code outLen} bytes; returns false
   * on any malformed input or size mismatch (never reads or writes out of bounds).
   */
  public static boolean decompress(byte[] in, int inOff, int inLen, byte[] out, int outLen) {
    int ip = inOff;
    int inEnd = inOff + inLen;
    int op = 0;
    if (inLen == 0) return outLen == 0;
    do {
      int ctrl = in[ip++] & 0xff;
      if (ctrl < 32) {
        ctrl++;
        if (op + ctrl > outLen || ip + ctrl > inEnd) return false;
        System.arraycopy(in, ip, out, op, ctrl);
        op += ctrl;
        ip += ctrl;
      } else {
        int len = ctrl >>> 5;
        int ref = op - ((ctrl & 0x1f) << 8) - 1;
        if (ip >= inEnd) return false;
        if (len == 7) {
          len += in[ip++] & 0xff;
          if (ip >= inEnd) return false;
        }
        ref -= in[ip++] & 0xff;
        len += 2;
        if (op + len > outLen || ref < 0) return false;
        for (int k = 0; k < len; k++) out[op++] = out[ref++]; // may overlap: byte by byte
      }
    } while (ip < inEnd);
    return op == outLen;
  }
}
