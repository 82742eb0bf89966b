package io.redline.modules.streams.store;

import io.redline.util.RedisNumbers;

/**
 * Byte sizes of Redis 7.0 listpack elements. Redline does not store listpacks, but Redis decides
 * when a stream starts a new node from its tail listpack's byte size (stream-node-max-bytes),
 * and that split shows to clients: XINFO STREAM's radix-tree-keys, and how much MAXLEN ~ trims.
 * So each {@link EntryBlock} keeps the size Redis's listpack would have, computed here.
 */
final class ListpackSize {
  private ListpackSize() {}

  /** An empty listpack: 6 header bytes and the end byte. */
  static final int EMPTY = 7;

  /** An element holding integer {@code v} (lpAppendInteger): encoding plus back-length. */
  static int ofInt(long v) {
    int enc;
    if (v >= 0 && v <= 127) enc = 1;
    else if (v >= -4096 && v <= 4095) enc = 2;
    else if (v >= -32768 && v <= 32767) enc = 3;
    else if (v >= -8388608 && v <= 8388607) enc = 4;
    else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) enc = 5;
    else enc = 9;
    return enc + backlen(enc);
  }

  /** An element holding these bytes: stored as an integer when they read as one, as listpacks do. */
  static long ofString(byte[] b, int off, int len) {
    if (len > 0 && len <= 20 && RedisNumbers.isLong(b, off, len)) return ofInt(RedisNumbers.parseLong(b, off, len));
    long enc = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5L + len;
    return enc + backlen(enc);
  }

  private static int backlen(long l) {
    if (l <= 127) return 1;
    if (l < 16383) return 2;
    if (l < 2097151) return 3;
    if (l < 268435455) return 4;
    return 5;
  }
}
