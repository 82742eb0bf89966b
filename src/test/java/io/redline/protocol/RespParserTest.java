package io.redline.protocol;

import static io.redline.protocol.ParserRun.bytes;
import static io.redline.protocol.ParserRun.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RESP request parser alone, fed byte fragments as a socket would deliver them: commands
 * split anywhere must come out whole and unchanged, malformed input must fail with Redis's exact
 * error text, and no input may make it allocate for bytes that never arrived, throw anything but
 * a ProtocolException, or loop forever. (Fuzzing lives in {@link RespParserFuzzTest}.)
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RespParserTest {
  private static final String BIG = "0123456789abcdef".repeat(625); // 10,000 bytes: forces buffer growth

  /** Multibulk and inline commands, binary data, *0, *-1, an empty line and a 10 kB argument. */
  static final byte[] PIPELINE = bytes(
      "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$10\r\nva\r\nl\u0000ue!!\r\n"
      + "*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n"
      + "*0\r\n"
      + "PING\r\n"
      + "\r\n"
      + "set \"a b\" 'c\\'d' \"\\x41\\n\"\n"
      + "*-1\r\n"
      + "*1\r\n$0\r\n\r\n"
      + "*2\r\n$4\r\nECHO\r\n$10000\r\n" + BIG + "\r\n"
      + "*1\r\n$4\r\nPING\r\n");

  static final List<List<String>> EXPECTED = List.of(
      cmd("SET", "key", "va\r\nl\u0000ue!!"),
      cmd("GET", "key"),
      cmd("PING"),
      cmd("set", "a b", "c'd", "A\n"),
      cmd(""),
      cmd("ECHO", BIG),
      cmd("PING"));

  @Test
  void pipelineInOnePiece() {
    ParserRun.assertSame(EXPECTED, null, ParserRun.whole(PIPELINE), "whole");
  }

  @Test
  void pipelineSplitAtEveryBytePosition() {
    for (int at = 0; at <= PIPELINE.length; at++) {
      ParserRun.assertSame(EXPECTED, null, ParserRun.splitAt(PIPELINE, at), "split at " + at);
    }
  }

  @Test
  void pipelineByteByByte() {
    ParserRun.assertSame(EXPECTED, null, ParserRun.byteByByte(PIPELINE), "byte by byte");
  }

  @Test
  void pipelineInRandomPieces() {
    Random rnd = new Random(42);
    for (int round = 0; round < 300; round++) {
      int[] sizes = new int[PIPELINE.length];
      for (int i = 0; i < sizes.length; i++) sizes[i] = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 5000);
      ParserRun.assertSame(EXPECTED, null, ParserRun.chunked(new RespParser(512L << 20), PIPELINE, sizes), "round " + round);
    }
  }

  @Test
  void repeatedBigCommandsAcrossManyReads() {
    // Growth, compaction and reuse of the buffer while arguments are half-read.
    StringBuilder in = new StringBuilder();
    List<List<String>> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String v = String.valueOf((char) ('a' + i % 26)).repeat(1000 + 397 * i);
      expected.add(cmd("SET", String.valueOf(i), v));
      in.append("*3\r\n$3\r\nSET\r\n$").append(String.valueOf(i).length()).append("\r\n").append(i)
          .append("\r\n$").append(v.length()).append("\r\n").append(v).append("\r\n");
    }
    byte[] input = bytes(in.toString());
    for (int piece : new int[] {1, 7, 1000, 4095, 4096, 4097, 16384, 65536}) {
      int[] sizes = new int[input.length];
      java.util.Arrays.fill(sizes, piece);
      ParserRun.assertSame(expected, null, ParserRun.chunked(new RespParser(512L << 20), input, sizes), "pieces of " + piece);
    }
  }

  @Test
  void inlineQuotingAndEscapes() {
    assertCommands("SET k \"hello world\"\r\n", cmd("SET", "k", "hello world"));
    assertCommands("a \"\\x41\\x4a\\xzz\" b\n", cmd("a", "AJxzz", "b"));
    assertCommands("a \"\\n\\r\\t\\b\\a\\\\\\\"\\q\"\r\n", cmd("a", "\n\r\t\b\u0007\\\"q"));
    assertCommands("a 'it\\'s' 'no\\nescape'\r\n", cmd("a", "it's", "no\\nescape"));
    assertCommands("a\"b c\" d\r\n", cmd("ab c", "d"));
    assertCommands("  \t lead  and   trail \t \r\n", cmd("lead", "and", "trail"));
    assertCommands("\"\" ''\r\n", cmd("", ""));
    assertCommands("only-lf\nnext\n", cmd("only-lf"), cmd("next"));
    assertCommands("mid\rcr x\r\n", cmd("mid", "cr", "x"));
  }

  @Test
  void emptyInlineLinesAndEmptyMultibulksRunNothing() {
    assertCommands("\r\n\n   \r\n*0\r\n*-1\r\n*-5\r\nPING\r\n", cmd("PING"));
  }

  @Test
  void inlineNulByteEndsTheLineAsInRedis() {
    // Redis splits inline lines as C strings: a NUL ends the arguments.
    assertCommands("SET a\u0000b c\r\nPING\r\n", cmd("SET", "a"), cmd("PING"));
  }

  @Test
  void malformedMultibulkCount() {
    assertError("*abc\r\n", "invalid multibulk length");
    assertError("*\r\n", "invalid multibulk length");
    assertError("*1x\r\n", "invalid multibulk length");
    assertError("*01\r\n", "invalid multibulk length");
    assertError("*-0\r\n", "invalid multibulk length");
    assertError("*+1\r\n", "invalid multibulk length");
    assertError("*2147483648\r\n", "invalid multibulk length");
    assertError("*99999999999999999999999\r\n", "invalid multibulk length");
  }

  @Test
  void malformedBulkLength() {
    assertError("*1\r\n$-1\r\n", "invalid bulk length");
    assertError("*1\r\n$-0\r\n", "invalid bulk length");
    assertError("*1\r\n$abc\r\n", "invalid bulk length");
    assertError("*1\r\n$\r\n", "invalid bulk length");
    assertError("*1\r\n$03\r\nabc\r\n", "invalid bulk length");
    assertError("*1\r\n$536870913\r\n", "invalid bulk length"); // one over proto-max-bulk-len
    assertError("*2\r\n$3\r\nGET\r\nx\r\n", "expected '$', got 'x'");
    assertError("*1\r\n:1\r\n", "expected '$', got ':'");
  }

  @Test
  void bulkAtTheLimitIsAccepted() {
    RespParser p = new RespParser(10);
    ParserRun r = ParserRun.chunked(p, bytes("*1\r\n$10\r\n0123456789\r\n*1\r\n$11\r\n"), new int[] {1 << 20});
    assertEquals(List.of(cmd("0123456789")), r.commands);
    assertEquals("invalid bulk length", r.error);
  }

  @Test
  void tooLongLinesWithoutTerminator() {
    assertError("x".repeat(RespParser.INLINE_MAX + 1), "too big inline request");
    assertError("*" + "1".repeat(RespParser.INLINE_MAX + 1), "too big mbulk count string");
    assertError("*1\r\n$" + "1".repeat(RespParser.INLINE_MAX + 1), "too big bulk count string");
  }

  @Test
  void unbalancedQuotes() {
    assertError("SET k \"abc\r\n", "unbalanced quotes in request");
    assertError("SET k 'abc\r\n", "unbalanced quotes in request");
    assertError("SET k \"abc\"def\r\n", "unbalanced quotes in request");
    assertError("SET k 'abc'def\r\n", "unbalanced quotes in request");
  }

  @Test
  void unauthenticatedLimits() {
    RespParser p = new RespParser(512L << 20);
    p.authenticated(false);
    ParserRun ok = ParserRun.chunked(p, bytes("*10\r\n" + "$1\r\na\r\n".repeat(10)), new int[] {1 << 20});
    assertNull(ok.error);
    assertEquals(1, ok.commands.size());

    assertEquals("unauthenticated multibulk length", unauthenticated("*11\r\n").error);
    assertEquals("unauthenticated bulk length", unauthenticated("*1\r\n$16385\r\n").error);
    ParserRun atLimit = unauthenticated("*1\r\n$16384\r\n" + "z".repeat(16384) + "\r\n");
    assertNull(atLimit.error);
    assertEquals(16384, atLimit.commands.get(0).get(0).length());
  }

  @Test
  void declaredHugeBulkDoesNotReserveMemory() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    RespParser p = new RespParser(4L << 30); // a limit that lets the 2 GB declaration through
    ParserRun run = new ParserRun();
    long before = mx.getThreadAllocatedBytes(tid);
    byte[] head = bytes("*1\r\n$2000000000\r\nabc");
    assertTrue(run.feed(p, head, 0, head.length));
    assertTrue(p.buffered() <= head.length, "buffered " + p.buffered());
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 16; i++) assertTrue(run.feed(p, chunk, 0, chunk.length)); // 1 MiB of the 2 GB
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    assertTrue(p.buffered() <= head.length + 16 * chunk.length, "buffered " + p.buffered());
    assertTrue(run.commands.isEmpty());
    // Doubling growth may hold about twice what arrived, plus copies; never the declared 2 GB.
    assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes after receiving about 1 MiB");
  }

  @Test
  void partialCommandsStayBuffered() {
    RespParser p = new RespParser(512L << 20);
    ParserRun run = new ParserRun();
    byte[] part = bytes("*2\r\n$3\r\nGET\r\n$5\r\nhel");
    assertTrue(run.feed(p, part, 0, part.length));
    assertTrue(run.commands.isEmpty());
    assertEquals(part.length, p.buffered());
    byte[] rest = bytes("lo\r\n");
    assertTrue(run.feed(p, rest, 0, rest.length));
    assertEquals(List.of(cmd("GET", "hello")), run.commands);
    assertEquals(0, p.buffered());
  }

  @Test
  void sinkCanStopAndResume() {
    RespParser p = new RespParser(512L << 20);
    byte[] in = bytes("PING\r\nPING 2\r\nPING 3\r\n");
    p.feed(in, 0, in.length);
    List<String> seen = new java.util.ArrayList<>();
    p.parse(a -> {
      seen.add(a.toString());
      return false;
    });
    assertEquals(List.of("[PING]"), seen);
    p.parse(a -> seen.add(a.toString()));
    assertEquals(List.of("[PING]", "[PING 2]", "[PING 3]"), seen);
  }

  private static ParserRun unauthenticated(String input) {
    RespParser p = new RespParser(512L << 20);
    p.authenticated(false);
    return ParserRun.chunked(p, bytes(input), new int[] {1 << 20});
  }

  @SafeVarargs
  private static void assertCommands(String input, List<String>... expected) {
    byte[] in = bytes(input);
    String shown = io.redline.testing.Escape.bytes(in);
    ParserRun.assertSame(List.of(expected), null, ParserRun.whole(in), "input " + shown);
    ParserRun.assertSame(List.of(expected), null, ParserRun.byteByByte(in), "byte by byte, input " + shown);
  }

  private static void assertError(String input, String message) {
    byte[] in = bytes(input);
    String shown = io.redline.testing.Escape.bytes(in, 0, in.length, 60);
    ParserRun whole = ParserRun.whole(in);
    assertEquals(message, whole.error, "input " + shown);
    if (in.length < 5000) ParserRun.assertSame(whole, ParserRun.byteByByte(in), "byte by byte, input " + shown);
  }
}
