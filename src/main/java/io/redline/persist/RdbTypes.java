package io.redline.persist;

/** The RDB format's numbers: version, value type ids, opcodes and length/string encodings (Redis 7.0's rdb.h). */
public final class RdbTypes {
  private RdbTypes() {}

  /** The version Redis 7.0 writes; files and payloads up to it are read. */
  public static final int RDB_VERSION = 10;

  // Value types.
  public static final int STRING = 0;
  public static final int LIST = 1;
  public static final int SET = 2;
  public static final int ZSET = 3;
  public static final int HASH = 4;
  public static final int ZSET_2 = 5;
  public static final int MODULE_PRE_GA = 6;
  public static final int MODULE_2 = 7;
  public static final int HASH_ZIPMAP = 9;
  public static final int LIST_ZIPLIST = 10;
  public static final int SET_INTSET = 11;
  public static final int ZSET_ZIPLIST = 12;
  public static final int HASH_ZIPLIST = 13;
  public static final int LIST_QUICKLIST = 14;
  public static final int STREAM_LISTPACKS = 15;
  public static final int HASH_LISTPACK = 16;
  public static final int ZSET_LISTPACK = 17;
  public static final int LIST_QUICKLIST_2 = 18;
  public static final int STREAM_LISTPACKS_2 = 19;

  // Opcodes.
  public static final int OPCODE_FUNCTION2 = 245;
  public static final int OPCODE_FUNCTION_PRE_GA = 246;
  public static final int OPCODE_MODULE_AUX = 247;
  public static final int OPCODE_IDLE = 248;
  public static final int OPCODE_FREQ = 249;
  public static final int OPCODE_AUX = 250;
  public static final int OPCODE_RESIZEDB = 251;
  public static final int OPCODE_EXPIRETIME_MS = 252;
  public static final int OPCODE_EXPIRETIME = 253;
  public static final int OPCODE_SELECTDB = 254;
  public static final int OPCODE_EOF = 255;

  // Length prefixes.
  public static final int LEN_32BIT = 0x80;
  public static final int LEN_64BIT = 0x81;
  public static final int ENC_VALUE = 0xC0;
  public static final int ENC_INT8 = 0;
  public static final int ENC_INT16 = 1;
  public static final int ENC_INT32 = 2;
  public static final int ENC_LZF = 3;

  // Quicklist node containers (RDB_TYPE_LIST_QUICKLIST_2).
  public static final int CONTAINER_PLAIN = 1;
  public static final int CONTAINER_PACKED = 2;

  /** Redis's rdbIsObjectType: the ids a value may have (7.0 knows 0-7 and 9-19). */
  public static boolean isValueType(int t) {
    return (t >= STRING && t <= MODULE_2) || (t >= HASH_ZIPMAP && t <= STREAM_LISTPACKS_2);
  }
}
