package io.redline.persist;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A dataset that exercises every type and every encoding Redis 7.0 writes (int/raw/LZF strings,
 * multi-node quicklists, 16/32/64-bit intsets, listpack and hashtable sets/hashes, listpack and
 * skiplist sorted sets with infinities, sparse and dense HyperLogLogs, TTLs, several databases,
 * binary keys), written through plain commands so the same data can be built in Redis and in
 * Redline; and a description of a server's whole keyspace to compare two of them by.
 */
final class Dataset {
  private Dataset() {}

  static final int[] DATABASES = {0, 3, 15};

  /** Writes the dataset (to db 0, 3 and 15; leaves db 0 selected). */
  static void populate(RawClient c) throws IOException {
    Random r = new Random(42);
    ok(c.call("SELECT", "0"));
    ok(c.call("SET", "s:int", "12345"));
    ok(c.call("SET", "s:neg", "-987654321"));
    ok(c.call("SET", "s:max", "9223372036854775807"));
    ok(c.call("SET", "s:notcanonical", "007"));
    ok(c.call("SET", "s:str", "hello"));
    ok(c.call("SET", "s:empty", ""));
    ok(c.call("SET", "s:compressible", "abc".repeat(300)));
    byte[] random = new byte[700];
    r.nextBytes(random);
    ok(c.call(b("SET"), b("s:random"), random));
    ok(c.call(b("SET"), new byte[] {0, (byte) 0xff, '\r', '\n'}, new byte[] {'\r', '\n', 0}));
    c.call("APPEND", "s:appended", "x".repeat(50));
    c.call("APPEND", "s:appended", "y".repeat(50));
    c.call("SETRANGE", "s:range", "10", "tail");
    ok(c.call("SET", "s:ttl", "v", "PX", "900000000"));
    ok(c.call("SET", "{a}tagged", "1"));
    ok(c.call("SET", "{b}tagged", "2"));
    ok(c.call("SET", "{c}tagged", "3"));

    c.call("RPUSH", "l:small", "a", "b", "1", "2", "300", "-5000", "70000", "123456789012", "-1", "007", "");
    List<String> big = new ArrayList<>(List.of("RPUSH", "l:big"));
    for (int i = 0; i < 3000; i++) big.add(i % 3 == 0 ? Integer.toString(i * 37) : "element-" + i + "-" + "z".repeat(i % 40));
    c.call(big.toArray(new String[0]));
    c.call("LPUSH", "l:lpushed", "c", "b", "a");
    c.call("RPUSH", "l:huge", "small", "H".repeat(20000), "small2");
    c.call("PEXPIREAT", "l:small", "32503680000000");

    c.call("SADD", "set:i16", "1", "2", "3", "-7");
    c.call("SADD", "set:i32", "70000", "-70000", "5");
    c.call("SADD", "set:i64", "5000000000", "1");
    c.call("SADD", "set:grown", "1", "2", "100000");
    c.call("SREM", "set:grown", "100000"); // stays 32-bit wide, as in Redis
    c.call("SADD", "set:str", "a", "b", "c", "10");
    List<String> bigSet = new ArrayList<>(List.of("SADD", "set:big"));
    for (int i = 0; i < 600; i++) bigSet.add(Integer.toString(i * 3));
    c.call(bigSet.toArray(new String[0]));

    c.call("ZADD", "z:lp", "1", "a", "1.5", "b", "-inf", "c", "+inf", "d", "0.1", "e", "3e20", "f", "-2.5e-10", "g");
    List<String> bigZ = new ArrayList<>(List.of("ZADD", "z:sl"));
    for (int i = 0; i < 200; i++) {
      bigZ.add(Double.toString(i * 1.25 - 50));
      bigZ.add("m" + i);
    }
    c.call(bigZ.toArray(new String[0]));
    c.call("ZADD", "z:longmember", "1", "x".repeat(100), "2", "y");
    c.call("ZADD", "z:ties", "5", "b", "5", "a", "5", "c");

    c.call("HSET", "h:lp", "f", "v", "n", "12", "neg", "-3", "empty", "");
    List<String> bigH = new ArrayList<>(List.of("HSET", "h:ht"));
    for (int i = 0; i < 600; i++) {
      bigH.add("field" + i);
      bigH.add(i % 2 == 0 ? Integer.toString(i) : "value-" + i);
    }
    c.call(bigH.toArray(new String[0]));
    c.call("HSET", "h:longvalue", "f", "v".repeat(100));
    c.call("PEXPIREAT", "h:lp", "32503680000000");

    c.call("PFADD", "hll:sparse", "a", "b", "c");
    List<String> dense = new ArrayList<>(List.of("PFADD", "hll:dense"));
    for (int i = 0; i < 5000; i++) dense.add("e" + i);
    c.call(dense.toArray(new String[0]));

    ok(c.call("SELECT", "3"));
    ok(c.call("SET", "k3", "in db 3"));
    c.call("RPUSH", "list3", "x", "y");
    ok(c.call("SELECT", "15"));
    ok(c.call("SET", "k15", "in db 15", "EX", "900000"));
    c.call("HSET", "h15", "a", "1");
    ok(c.call("SELECT", "0"));
  }

  /** Every key of the given databases: type, encoding, absolute expiry and contents, keyed "db/key". */
  static TreeMap<String, String> describe(RawClient c, int... dbs) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    for (int db : dbs) {
      ok(c.call("SELECT", Integer.toString(db)));
      RespReply keys = c.callParsed("KEYS", "*");
      for (RespReply k : keys.elements) out.put(db + "/" + Escape.bytes(k.payload), describeKey(c, k.payload));
    }
    ok(c.call("SELECT", "0"));
    return out;
  }

  static String describeKey(RawClient c, byte[] key) throws IOException {
    String type = text(c.call(b("TYPE"), key));
    // embstr and raw differ only by length and history (Redis too reloads an APPENDed string as
    // embstr): not something a file keeps, so both read as one.
    String enc = text(c.call(b("OBJECT"), b("ENCODING"), key)).replace("$6\r\nembstr", "str").replace("$3\r\nraw", "str");
    String expire = text(c.call(b("PEXPIRETIME"), key));
    String content = switch (type) {
      case "+string" -> Escape.bytes(c.call(b("GET"), key));
      case "+list" -> Escape.bytes(c.call(b("LRANGE"), key, b("0"), b("-1")));
      case "+set" -> Escape.bytes(RespReply.parse(c.call(b("SMEMBERS"), key)).unorderedForm());
      case "+zset" -> Escape.bytes(c.call(b("ZRANGE"), key, b("0"), b("-1"), b("WITHSCORES")));
      case "+hash" -> Escape.bytes(RespReply.parse(c.call(b("HGETALL"), key)).unorderedForm(2));
      default -> "?";
    };
    return type + " " + enc + " " + expire + " " + content;
  }

  /** Fails listing only the keys that differ (descriptions cut short), not two whole datasets. */
  static void assertSame(java.util.Map<String, String> expected, java.util.Map<String, String> actual) {
    StringBuilder diff = new StringBuilder();
    java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String k : keys) {
      String e = expected.get(k), a = actual.get(k);
      if (!java.util.Objects.equals(e, a)) {
        diff.append("\n  ").append(k).append("\n    expected: ").append(cut(e)).append("\n    actual:   ").append(cut(a));
      }
    }
    if (diff.length() > 0) throw new AssertionError("datasets differ:" + diff);
  }

  private static String cut(String s) { return s == null ? "(absent)" : s.length() > 160 ? s.substring(0, 160) + "..." : s; }

  static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  private static String text(byte[] raw) { return new String(raw, StandardCharsets.ISO_8859_1).trim(); }

  static void ok(byte[] reply) {
    if (!Arrays.equals(reply, b("+OK\r\n"))) throw new AssertionError("expected +OK, got " + Escape.bytes(reply));
  }
}
