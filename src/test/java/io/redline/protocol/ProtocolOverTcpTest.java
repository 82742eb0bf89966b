package io.redline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.redline.testing.Escape;
import io.redline.testing.RawClient;
import io.redline.testing.RedisOracle;
import io.redline.testing.RedlineInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw bytes over TCP to redis-server and to Redline, for what case files cannot express:
 * malformed requests (both must send the same bytes, error included, then close the connection),
 * odd framing that is still valid, and big pipelined writes.
 */
class ProtocolOverTcpTest {
  @RegisterExtension
  @Order(1)
  static final RedisOracle REDIS = new RedisOracle();

  @RegisterExtension
  @Order(2)
  static final RedlineInstance REDLINE = new RedlineInstance();

  static Stream<Arguments> malformed() {
    String big = "1".repeat(RespParser.INLINE_MAX);
    return Stream.of(
        Arguments.of("non-numeric multibulk count", "*abc\r\n"),
        Arguments.of("empty multibulk count", "*\r\n"),
        Arguments.of("multibulk count -0", "*-0\r\n"),
        Arguments.of("multibulk count over INT_MAX", "*2147483648\r\n"),
        Arguments.of("negative bulk length", "*1\r\n$-5\r\n"),
        Arguments.of("bulk length -0", "*1\r\n$-0\r\n"),
        Arguments.of("non-numeric bulk length", "*1\r\n$abc\r\n"),
        Arguments.of("bulk length with leading zero", "*1\r\n$04\r\nPING\r\n"),
        Arguments.of("bulk over proto-max-bulk-len", "*1\r\n$536870913\r\n"),
        Arguments.of("missing '$'", "*2\r\n$3\r\nGET\r\nx\r\n"),
        Arguments.of("non-ASCII byte instead of '$'", "*1\r\n\u00ff\r\n"),
        Arguments.of("unbalanced double quote", "SET k \"abc\r\n"),
        Arguments.of("unbalanced single quote", "SET k 'abc\r\n"),
        Arguments.of("text right after a closing quote", "SET k \"abc\"def\r\n"),
        Arguments.of("error after good commands", "PING\r\n*1\r\n$4\r\nPING\r\n*x\r\n"),
        Arguments.of("too big inline request", "x".repeat(RespParser.INLINE_MAX + 1)),
        Arguments.of("too big mbulk count string", "*" + big),
        Arguments.of("too big bulk count string", "*1\r\n$" + big));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputGetsTheSameErrorAndCloses(String name, String input) throws IOException {
    byte[] in = input.getBytes(StandardCharsets.ISO_8859_1);
    byte[] expected = sendAndReadUntilClosed(REDIS.port(), in, "redis");
    byte[] actual = sendAndReadUntilClosed(REDLINE.port(), in, "redline");
    assertTrue(new String(expected, StandardCharsets.ISO_8859_1).contains("-ERR Protocol error"),
        "redis itself did not reject it: " + Escape.reply(expected));
    if (!Arrays.equals(expected, actual)) {
      fail(name + ": input " + Escape.bytes(in, 0, in.length, 80) + "\n  redis:   " + Escape.reply(expected)
          + "\n  redline: " + Escape.reply(actual));
    }
  }

  private static byte[] sendAndReadUntilClosed(int port, byte[] in, String who) throws IOException {
    try (RawClient c = RawClient.connect(port)) {
      c.sendRaw(in);
      try {
        return c.readUntilClosed(5_000);
      } catch (java.net.SocketTimeoutException e) {
        fail(who + " did not close the connection after input " + Escape.bytes(in, 0, in.length, 80) + ": " + e.getMessage());
        return null;
      }
    }
  }

  static Stream<Arguments> validOddities() {
    return Stream.of(
        Arguments.of("empty multibulks run nothing", "*0\r\n*-1\r\n*-7\r\nPING\r\n", 1),
        Arguments.of("empty inline lines run nothing", "\r\n\n   \r\nPING\r\n", 1),
        Arguments.of("LF-only inline lines", "PING\nPING a\n", 2),
        Arguments.of("inline quoting", "SET k \"a b\\x41\"\r\nGET k\r\nSET k 'it\\'s'\r\nGET k\r\n", 4),
        Arguments.of("empty bulk argument", "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", 1),
        Arguments.of("inline and multibulk mixed", "PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nECHO \"x y\"\r\n", 3),
        Arguments.of("unknown inline command with quoted args", "foo 'a b' \"c\\nd\"\r\n", 1),
        Arguments.of("command name in odd case", "*1\r\n$4\r\npInG\r\n", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validOddities")
  void validOddFramingGetsTheSameReplies(String name, String input, int replies) throws IOException {
    byte[] in = input.getBytes(StandardCharsets.ISO_8859_1);
    try (RawClient r = REDIS.connect(); RawClient l = REDLINE.connect()) {
      r.call("FLUSHALL");
      r.sendRaw(in);
      l.sendRaw(in);
      for (int i = 0; i < replies; i++) {
        byte[] x = r.readRaw();
        byte[] y = l.readRaw();
        if (!Arrays.equals(x, y)) {
          fail(name + ", reply " + (i + 1) + ": input " + Escape.bytes(in) + "\n  redis:   " + Escape.reply(x)
              + "\n  redline: " + Escape.reply(y));
        }
      }
      assertEquals("+PONG\r\n", new String(l.call("PING"), StandardCharsets.ISO_8859_1), "nothing else pending");
    }
  }

  @Test
  void thousandCommandsInOneWrite() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < 1000; i++) b.writeBytes(i % 2 == 0 ? RawClient.encode("ECHO", "m" + i) : ("ECHO i" + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
    try (RawClient l = REDLINE.connect()) {
      l.sendRaw(b.toByteArray());
      for (int i = 0; i < 1000; i++) {
        String want = (i % 2 == 0 ? "m" : "i") + i;
        assertEquals("$" + want.length() + "\r\n" + want + "\r\n", new String(l.readRaw(), StandardCharsets.ISO_8859_1), "reply " + i);
      }
    }
  }

  @Test
  void bigValueWrittenInOddPieces() throws IOException {
    byte[] value = new byte[3 * 1024 * 1024 + 17];
    for (int i = 0; i < value.length; i++) value[i] = (byte) (i * 31 + (i >> 12));
    byte[] req = RawClient.encode("SET".getBytes(), "big{x}".getBytes(), value);
    try (RawClient l = REDLINE.connect()) {
      for (int off = 0, step = 1; off < req.length; off += step, step = step * 3 % 65521 + 1) {
        l.sendRaw(Arrays.copyOfRange(req, off, Math.min(req.length, off + step)));
      }
      assertEquals("+OK\r\n", new String(l.readRaw(), StandardCharsets.ISO_8859_1));
      byte[] got = l.call("GET", "big{x}");
      byte[] head = ("$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
      assertTrue(Arrays.equals(got, 0, head.length, head, 0, head.length), "header " + Escape.bytes(got, 0, 20, 20));
      int at = Arrays.mismatch(Arrays.copyOfRange(got, head.length, head.length + value.length), value);
      assertEquals(-1, at, "GET returned a value that differs at byte " + at);
    }
  }
}
