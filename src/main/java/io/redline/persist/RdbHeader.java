package io.redline.persist;

import java.nio.charset.StandardCharsets;

/** The start of an RDB file as Redis 7.0 writes it: magic and version, then its aux fields. */
public final class RdbHeader {
  private RdbHeader() {}

  /**
   * "REDIS0010" and the aux fields rdbSaveInfoAuxFields writes for a primary with no replicas:
   * redis-ver, redis-bits, ctime, used-mem, aof-base.
   */
  public static void write(RdbOutput out, String redisVersion, long usedMemory) {
    out.writeBytes(String.format("REDIS%04d", RdbTypes.RDB_VERSION).getBytes(StandardCharsets.US_ASCII));
    aux(out, "redis-ver", redisVersion);
    aux(out, "redis-bits", "64");
    aux(out, "ctime", Long.toString(System.currentTimeMillis() / 1000));
    aux(out, "used-mem", Long.toString(usedMemory));
    aux(out, "aof-base", "0");
  }

  public static void aux(RdbOutput out, String key, String value) {
    out.writeByte(RdbTypes.OPCODE_AUX);
    out.writeString(key);
    out.writeString(value);
  }

  /** SELECTDB n, then RESIZEDB with the key and expiry counts Redis's loader pre-sizes its tables by. */
  public static void selectDb(RdbOutput out, int db, long keys, long expires) {
    out.writeByte(RdbTypes.OPCODE_SELECTDB);
    out.writeLength(db);
    out.writeByte(RdbTypes.OPCODE_RESIZEDB);
    out.writeLength(keys);
    out.writeLength(expires);
  }
}
