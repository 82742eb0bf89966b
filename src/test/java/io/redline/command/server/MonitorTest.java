package io.redline.command.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MONITOR over TCP. The expected lines are what redis-server 7.0.15 printed for the same commands
 * (timestamps and client addresses masked): commands shown after they ran, in their database,
 * scripts before the commands they call ("lua"), EXEC after the transaction's commands, secrets
 * redacted, admin commands and rejected ones not shown, arguments quoted as sdscatrepr does.
 */
class MonitorTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final List<String> EXPECTED = List.of(
      "+T [0 C] \"SET\" \"a b\" \"x\\\"y\\\\z\"",
      "+T [0 C] \"MULTI\"",
      "+T [0 C] \"SET\" \"k\" \"1\"",
      "+T [0 C] \"GET\" \"k\"",
      "+T [0 C] \"EXEC\"",
      "+T [0 C] \"EVAL\" \"redis.call('set','ek','v') return redis.pcall('incr','ek')\" \"0\"",
      "+T [0 lua] \"set\" \"ek\" \"v\"",
      "+T [0 lua] \"incr\" \"ek\"",
      "+T [0 C] \"AUTH\" \"(redacted)\"",
      "+T [0 C] \"LPUSH\" \"lst\" \"1\"",
      "+T [0 C] \"SET\" \"bin\" \"\\x01\\xff\\n\\t\\r\\a\\b\"",
      "+T [3 C] \"SELECT\" \"3\"",
      "+T [3 C] \"PING\"",
      "+T [0 C] \"SELECT\" \"0\"",
      "+T [0 C] \"HELLO\" \"2\" \"AUTH\" \"(redacted)\" \"(redacted)\"",
      "+T [0 C] \"MSET\" \"mx1\" \"1\" \"mx2\" \"2\"",
      "+T [0 C] \"EXEC\"",
      "+T [0 C] \"MULTI\"",
      "+T [2 C] \"SELECT\" \"2\"",
      "+T [2 C] \"EXEC\"",
      "+T [2 C] \"QUIT\"");

  @Test
  void linesAsRedisWritesThem() throws Exception {
    try (RawClient monitor = redline.connect(); RawClient c = redline.connect()) {
      assertEquals("+OK\r\n", monitor.callText("MONITOR"));
      byte[][][] commands = {
          {b("SET"), b("a b"), b("x\"y\\z")}, {b("MULTI")}, {b("SET"), b("k"), b("1")}, {b("GET"), b("k")}, {b("EXEC")},
          {b("EVAL"), b("redis.call('set','ek','v') return redis.pcall('incr','ek')"), b("0")},
          {b("AUTH"), b("foo")}, {b("CONFIG"), b("GET"), b("maxmemory")}, {b("LPUSH"), b("lst"), b("1")},
          {b("NOSUCH")}, {b("GET")}, {b("SET"), b("bin"), {1, (byte) 0xff, '\n', '\t', '\r', 7, '\b'}},
          {b("SELECT"), b("3")}, {b("PING")}, {b("SELECT"), b("0")},
          {b("HELLO"), b("2"), b("AUTH"), b("default"), b("pw")}, {b("MSET"), b("mx1"), b("1"), b("mx2"), b("2")},
          {b("EXEC")}, {b("MULTI")}, {b("SELECT"), b("2")}, {b("EXEC")}, {b("QUIT")}};
      for (byte[][] cmd : commands) {
        c.send(cmd);
        c.readRaw();
      }
      List<String> lines = new ArrayList<>();
      monitor.readTimeout(10_000);
      while (lines.size() < EXPECTED.size()) {
        String line = new String(monitor.readRaw(), StandardCharsets.ISO_8859_1);
        lines.add(line.substring(0, line.length() - 2)
            .replaceFirst("^\\+\\d+\\.\\d{6} \\[(\\d+) 127\\.0\\.0\\.1:\\d+\\]", "+T [$1 C]")
            .replaceFirst("^\\+\\d+\\.\\d{6} \\[(\\d+) lua\\]", "+T [$1 lua]"));
      }
      assertEquals(EXPECTED, lines);
    }
  }

  @Test
  void modeFlagsAndItsEnd() throws Exception {
    try (RawClient monitor = redline.connect(); RawClient c = redline.connect()) {
      assertEquals("+OK\r\n", monitor.callText("MONITOR"));
      monitor.send("MONITOR"); // a second MONITOR is not answered, as in Redis
      assertTrue(c.callText("CLIENT", "LIST").contains("flags=O "), "CLIENT LIST shows the monitor");
      assertEquals("+PONG\r\n", monitor.callText("PING"), "the monitor's own commands are answered");
      assertTrue(new String(monitor.readRaw()).endsWith("\"PING\"\r\n"), "and shown to it, after their reply");
      assertEquals("+RESET\r\n", monitor.callText("RESET"));
      c.call("SET", "after-reset", "1");
      assertEquals("+PONG\r\n", monitor.callText("PING"), "no more lines after RESET");
      assertEquals(0, monitor.drain(100).length);
      c.call("MULTI");
      c.call("MONITOR");
      assertEquals("*1\r\n-ERR MONITOR isn't allowed for DENY BLOCKING client\r\n", c.callText("EXEC"));
    }
  }

  private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
