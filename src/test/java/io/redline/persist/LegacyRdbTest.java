package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Files in the formats Redis 5 and 6 wrote (RDB 9: ziplists, quicklists of ziplists, zipmaps,
 * text-double sorted sets, second-resolution expiry), built here byte by byte. Redis 7.0 loads
 * the same file too (when installed), which proves the file is what those versions wrote; both
 * servers must then hold the same data, with the same encodings.
 */
class LegacyRdbTest {
  @Test
  void rdb9FileLoadsAsInRedis() throws Exception {
    byte[] file = legacyFile();
    Path dir = Files.createTempDirectory("legacy");
    Files.write(dir.resolve("dump.rdb"), file);
    try {
      TreeMap<String, String> ours;
      try (RedlineInstance r = new RedlineInstance("--dir", dir.toString()).start(); RawClient c = r.connect()) {
        ours = Dataset.describe(c, 0, 2);
        assertEquals("*10\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\n1\r\n$2\r\n-1\r\n$3\r\n300\r\n$5\r\n70000\r\n$10\r\n5000000000\r\n$3\r\n300\r\n$2\r\n12\r\n$2\r\n13\r\n",
            c.callText("LRANGE", "ql", "0", "-1").replace("x".repeat(100), "300").replace("$100", "$3"));
        assertEquals("$1\r\n2\r\n", c.callText("HGET", "zm", "b"));
        assertEquals("$3\r\n1.5\r\n", c.callText("ZSCORE", "zzl", "b"));
        assertEquals("$4\r\n-inf\r\n", c.callText("ZSCORE", "ztext", "c"));
        assertTrue(c.callParsed("TTL", "withexpire").integer() > 1000);
        assertEquals(":0\r\n", c.callText("EXISTS", "expired"));
      }
      if (RedisOracle.unavailableReason() != null) {
        System.out.println("SKIPPED (no oracle): cross-check with redis-server: " + RedisOracle.unavailableReason());
        return;
      }
      try (RedisProcess redis = RedisProcess.start(dir); RawClient rc = redis.connect()) {
        Dataset.assertSame(Dataset.describe(rc, 0, 2), ours);
      }
    } finally {
      RedisProcess.deleteTree(dir);
    }
  }

  /** An RDB 9 file holding every legacy encoding. */
  static byte[] legacyFile() {
    RdbOutput o = new RdbOutput(4096, true);
    o.writeBytes("REDIS0009".getBytes(StandardCharsets.US_ASCII));
    RdbHeader.aux(o, "redis-ver", "6.2.6");
    o.writeByte(RdbTypes.OPCODE_SELECTDB);
    o.writeLength(0);
    o.writeByte(RdbTypes.OPCODE_RESIZEDB);
    o.writeLength(10);
    o.writeLength(1);
    key(o, RdbTypes.LIST_QUICKLIST, "ql");
    o.writeLength(2);
    o.writeString(ziplist("a", "b", 1L, -1L, 300L, 70000L, 5000000000L, "x".repeat(100)));
    o.writeString(ziplist(12L, 13L));
    key(o, RdbTypes.LIST_ZIPLIST, "zl");
    o.writeString(ziplist("only", -200L, 8000000L, "y".repeat(20000)));
    key(o, RdbTypes.LIST, "plain");
    o.writeLength(3);
    o.writeString("p1");
    o.writeString("12");
    o.writeString("p3");
    key(o, RdbTypes.HASH_ZIPMAP, "zm");
    o.writeString(zipmap("a", "1", "b", "2", "long", "z".repeat(300)));
    key(o, RdbTypes.HASH_ZIPLIST, "hzl");
    o.writeString(ziplist("f1", "v1", "f2", 42L));
    key(o, RdbTypes.ZSET_ZIPLIST, "zzl");
    o.writeString(ziplist("a", 1L, "b", "1.5", "c", "3e20"));
    key(o, RdbTypes.ZSET, "ztext");
    o.writeLength(3);
    o.writeString("a");
    textDouble(o, "2.5");
    o.writeString("b");
    o.writeByte(254); // +inf
    o.writeString("c");
    o.writeByte(255); // -inf
    key(o, RdbTypes.SET, "plainset");
    o.writeLength(3);
    o.writeString("1");
    o.writeString("x");
    o.writeString("3");
    key(o, RdbTypes.SET_INTSET, "iset");
    o.writeString(intset(4, -70000, 1, 2));
    o.writeByte(RdbTypes.OPCODE_EXPIRETIME); // seconds, as very old files have it
    putIntLE(o, (int) (System.currentTimeMillis() / 1000 + 100_000));
    key(o, RdbTypes.STRING, "withexpire");
    o.writeString("soon");
    o.writeByte(RdbTypes.OPCODE_EXPIRETIME_MS);
    o.writeLongLE(1000); // 1970: dropped on load, as by a Redis primary
    key(o, RdbTypes.STRING, "expired");
    o.writeString("gone");
    o.writeByte(RdbTypes.OPCODE_SELECTDB);
    o.writeLength(2);
    key(o, RdbTypes.STRING, "db2key");
    o.writeString("in db 2");
    o.writeByte(RdbTypes.OPCODE_EOF);
    o.writeLongLE(Crc64.of(o.array(), 0, o.size()));
    return o.toByteArray();
  }

  private static void key(RdbOutput o, int type, String key) {
    o.writeByte(type);
    o.writeString(key);
  }

  private static void textDouble(RdbOutput o, String text) {
    o.writeByte(text.length());
    o.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void putIntLE(RdbOutput o, int v) {
    for (int i = 0; i < 4; i++) o.writeByte(v >>> (8 * i));
  }

  /** A ziplist as Redis 6 lays one out: Strings as strings, Longs in the smallest integer encoding. */
  static byte[] ziplist(Object... items) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int prev = 0;
    int tail = 10;
    for (Object item : items) {
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      if (prev < 254) {
        e.write(prev);
      } else {
        e.write(254);
        le(e, prev, 4);
      }
      if (item instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= 63) {
          e.write(b.length);
        } else if (b.length <= 16383) {
          e.write(0x40 | (b.length >>> 8));
          e.write(b.length & 0xff);
        } else {
          e.write(0x80);
          for (int sh = 24; sh >= 0; sh -= 8) e.write((b.length >>> sh) & 0xff);
        }
        e.writeBytes(b);
      } else {
        long v = (Long) item;
        if (v >= 0 && v <= 12) e.write(0xF1 + (int) v);
        else if (v == (byte) v) { e.write(0xFE); le(e, v, 1); }
        else if (v == (short) v) { e.write(0xC0); le(e, v, 2); }
        else if (v >= -(1 << 23) && v < (1 << 23)) { e.write(0xF0); le(e, v, 3); }
        else if (v == (int) v) { e.write(0xD0); le(e, v, 4); }
        else { e.write(0xE0); le(e, v, 8); }
      }
      tail = 10 + body.size();
      prev = e.size();
      body.writeBytes(e.toByteArray());
    }
    ByteArrayOutputStream zl = new ByteArrayOutputStream();
    le(zl, 10 + body.size() + 1, 4);
    le(zl, tail, 4);
    le(zl, items.length, 2);
    zl.writeBytes(body.toByteArray());
    zl.write(0xFF);
    return zl.toByteArray();
  }

  static byte[] zipmap(String... kv) {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    z.write(kv.length / 2);
    for (int i = 0; i < kv.length; i += 2) {
      for (int part = 0; part < 2; part++) {
        byte[] b = kv[i + part].getBytes(StandardCharsets.UTF_8);
        if (b.length < 254) {
          z.write(b.length);
        } else {
          z.write(254);
          le(z, b.length, 4);
        }
        if (part == 1) z.write(0); // free bytes after the value
        z.writeBytes(b);
      }
    }
    z.write(0xFF);
    return z.toByteArray();
  }

  static byte[] intset(int width, long... sorted) {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    le(s, width, 4);
    le(s, sorted.length, 4);
    for (long v : sorted) le(s, v, width);
    return s.toByteArray();
  }

  private static void le(ByteArrayOutputStream o, long v, int n) {
    for (int i = 0; i < n; i++) o.write((int) (v >>> (8 * i)) & 0xff);
  }
}
