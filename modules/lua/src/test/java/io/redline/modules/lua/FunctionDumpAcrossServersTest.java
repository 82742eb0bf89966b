package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FUNCTION DUMP payloads move between redis-server 7.0 and Redline both ways: what one dumps, the
 * other restores and runs. Libraries long enough to be LZF-compressed are included, and several
 * libraries in one payload. Skipped without redis-server.
 */
class FunctionDumpAcrossServersTest {
  @RegisterExtension
  static final RedisOracle REDIS = new RedisOracle();
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static String library(String name, String function, String result, int paddingLines) {
    StringBuilder code = new StringBuilder("#!lua name=" + name + "\n"
        + "redis.register_function{function_name='" + function + "', callback=function(keys, args) "
        + "return {'" + result + "', #keys, args[1] or false} end, flags={'no-writes'}, description='" + name + " says " + result + "'}\n");
    for (int i = 0; i < paddingLines; i++) code.append("-- line ").append(i % 7).append(" of padding, repeated so LZF has something to find\n");
    return code.toString();
  }

  private static final List<String> LIBRARIES = List.of(
      library("tiny", "tf", "t", 0),
      library("padded", "pf", "p", 20),
      library("large", "lf", "l", 400));

  @BeforeEach
  void flushBoth() throws Exception {
    for (RawClient c : new RawClient[] {REDIS.connect(), REDLINE.connect()}) {
      try (c) {
        assertEquals("+OK\r\n", c.callText("FUNCTION", "FLUSH"));
      }
    }
  }

  private static byte[] dumpAfterLoading(RawClient c, List<String> codes) throws Exception {
    for (String code : codes) {
      String name = code.substring("#!lua name=".length(), code.indexOf('\n'));
      assertEquals("$" + name.length() + "\r\n" + name + "\r\n", c.callText("FUNCTION", "LOAD", code));
    }
    return RespReply.parse(c.call("FUNCTION", "DUMP")).payload;
  }

  /** The libraries as the receiving server lists them (WITHCODE), each library on its own. */
  private static List<String> listEach(RawClient c, List<String> codes) throws Exception {
    List<String> out = new ArrayList<>();
    for (String code : codes) {
      String name = code.substring("#!lua name=".length(), code.indexOf('\n'));
      out.add(c.callText("FUNCTION", "LIST", "LIBRARYNAME", name, "WITHCODE"));
    }
    return out;
  }

  private static void assertRuns(RawClient c) throws Exception {
    assertEquals("*3\r\n$1\r\nt\r\n:1\r\n$1\r\na\r\n", c.callText("FCALL_RO", "tf", "1", "k", "a"));
    assertEquals("*3\r\n$1\r\np\r\n:0\r\n$-1\r\n", c.callText("FCALL", "pf", "0"));
    assertEquals("*3\r\n$1\r\nl\r\n:0\r\n$1\r\nz\r\n", c.callText("FCALL", "LF", "0", "z"));
  }

  @Test
  void redisPayloadRestoresIntoRedline() throws Exception {
    try (RawClient redis = REDIS.connect(); RawClient redline = REDLINE.connect()) {
      byte[] payload = dumpAfterLoading(redis, LIBRARIES);
      assertEquals("+OK\r\n", new String(redline.call("FUNCTION".getBytes(), "RESTORE".getBytes(), payload), StandardCharsets.UTF_8));
      assertRuns(redline);
      assertEquals(listEach(redis, LIBRARIES), listEach(redline, LIBRARIES));
      // Restoring it again collides by library name, as on Redis (which library is named first
      // follows each server's own iteration order).
      for (RawClient c : new RawClient[] {redis, redline}) {
        String again = new String(c.call("FUNCTION".getBytes(), "RESTORE".getBytes(), payload), StandardCharsets.UTF_8);
        assertTrue(again.matches("-ERR Library (tiny|padded|large) already exists\r\n"), again);
      }
    }
  }

  @Test
  void redlinePayloadRestoresIntoRedis() throws Exception {
    try (RawClient redis = REDIS.connect(); RawClient redline = REDLINE.connect()) {
      byte[] payload = dumpAfterLoading(redline, LIBRARIES);
      assertEquals("+OK\r\n", new String(redis.call("FUNCTION".getBytes(), "RESTORE".getBytes(), payload), StandardCharsets.UTF_8));
      assertRuns(redis);
      assertEquals(listEach(redline, LIBRARIES), listEach(redis, LIBRARIES));
    }
  }

  @Test
  void oneLibraryDumpsToTheSameBytes() throws Exception {
    // With a single library there is no hash order to differ: the payloads must be identical,
    // LZF encoding and checksum included.
    for (String code : LIBRARIES) {
      flushBoth();
      try (RawClient redis = REDIS.connect(); RawClient redline = REDLINE.connect()) {
        assertArrayEquals(dumpAfterLoading(redis, List.of(code)), dumpAfterLoading(redline, List.of(code)), code);
      }
    }
  }

  @Test
  void restoreWithFlushReplacesEverythingOnBothServers() throws Exception {
    try (RawClient redis = REDIS.connect(); RawClient redline = REDLINE.connect()) {
      byte[] fromRedis = dumpAfterLoading(redis, List.of(LIBRARIES.get(1)));
      assertEquals("+OK\r\n", redline.callText("FUNCTION", "FLUSH"));
      dumpAfterLoading(redline, List.of(LIBRARIES.get(0)));
      assertEquals("+OK\r\n", new String(redline.call("FUNCTION".getBytes(), "RESTORE".getBytes(), fromRedis, "FLUSH".getBytes()), StandardCharsets.UTF_8));
      assertEquals("-ERR Function not found\r\n", redline.callText("FCALL", "tf", "0"));
      assertEquals("*3\r\n$1\r\np\r\n:0\r\n$-1\r\n", redline.callText("FCALL", "pf", "0"));
      assertEquals(redis.callText("FUNCTION", "STATS"), redline.callText("FUNCTION", "STATS"));
    }
  }
}
