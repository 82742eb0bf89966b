package io.redline.util;

import java.nio.charset.StandardCharsets;

/**
 * CRC16 and the Redis Cluster key to hash slot mapping (shard routing, CLUSTER KEYSLOT,
 * cross-slot checks).
 *
 * <p>Redis Cluster uses CRC16-XMODEM (polynomial 0x1021, initial value 0, no bit reflection, no
 * final xor) and keeps the low 14 bits. Slots must agree with real clusters bit for bit, or
 * cluster-aware clients send keys to the wrong node.
 */
public final class Crc16 {
  public static final int SLOTS = 16384;

  private static final char[] TABLE = new char[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      TABLE[i] = (char) crc;
    }
  }

  private Crc16() {}

  /** CRC16-XMODEM of the range, 0..65535. */
  public static int crc16(byte[] b, int off, int len) {
    int crc = 0;
    for (int i = off, end = off + len; i < end; i++) crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ b[i]) & 0xff]) & 0xffff;
    return crc;
  }

  public static int crc16(byte[] b) {
    return crc16(b, 0, b.length);
  }

  /**
   * Hash slot of a key. When the key has a '{' and, after the first '{', a '}' with at least one
   * byte between them, only those bytes are hashed (a hash tag), which lets related keys share a
   * slot. Otherwise, "{}" and an unclosed '{' included, the whole key is hashed.
   */
  public static int keySlot(byte[] key, int off, int len) {
    int end = off + len, open = off;
    while (open < end && key[open] != '{') open++;
    for (int close = open + 1; close < end; close++) {
      if (key[close] == '}') {
        if (close > open + 1) return crc16(key, open + 1, close - open - 1) & (SLOTS - 1);
        break;
      }
    }
    return crc16(key, off, len) & (SLOTS - 1);
  }

  public static int keySlot(byte[] key) {
    return keySlot(key, 0, key.length);
  }

  public static int keySlot(String key) {
    return keySlot(key.getBytes(StandardCharsets.UTF_8));
  }
}
