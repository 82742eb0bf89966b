package io.redline.protocol;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.redline.testing.Escape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random input for the request parser (seeded, so a failure reproduces): the only acceptable
 * outcomes are commands and a ProtocolException; no other exception, no hang, and the outcome
 * must not depend on how the bytes were split into reads.
 */
class RespParserFuzzTest {
  private static final long SEED = 20240611L;
  private static final int CASES = 2_000;
  private static final String[] TOKENS = {
    "*", "$", "\r\n", "\n", "\r", "0", "1", "2", "3", "9", "-1", "-", "10", "16385", "2147483648",
    "\"", "'", "\\", "\\x4", "\\x41", " ", "\t", "\u0000", "SET", "PING", "*1\r\n$4\r\nPING\r\n", "*2\r\n",
    "$3\r\nabc\r\n", "+", ":", "x",
  };

  @Test
  void randomInputYieldsOnlyCommandsOrProtocolErrors() {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Random rnd = new Random(SEED);
      for (int i = 0; i < CASES; i++) {
        byte[] input = randomInput(rnd);
        boolean authenticated = rnd.nextInt(4) != 0;
        ParserRun whole = run(input, new int[] {input.length}, authenticated, i);
        int[] sizes = new int[input.length + 1];
        for (int k = 0; k < sizes.length; k++) sizes[k] = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 64);
        ParserRun pieces = run(input, sizes, authenticated, i);
        ParserRun.assertSame(whole, pieces, "case " + i + " (seed " + SEED + ") differs when split: " + Escape.bytes(input));
      }
    });
  }

  private static ParserRun run(byte[] input, int[] sizes, boolean authenticated, int caseNo) {
    RespParser p = new RespParser(1 << 20);
    p.authenticated(authenticated);
    try {
      return ParserRun.chunked(p, input, sizes);
    } catch (AssertionError e) {
      fail("case " + caseNo + " (seed " + SEED + "): " + e.getMessage() + "; input " + Escape.bytes(input), e);
      return null;
    }
  }

  private static byte[] randomInput(Random rnd) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int parts = rnd.nextInt(60);
    for (int i = 0; i < parts; i++) {
      int kind = rnd.nextInt(10);
      if (kind < 6) {
        b.writeBytes(TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.ISO_8859_1));
      } else if (kind < 8) {
        b.write(rnd.nextInt(256));
      } else if (kind == 8) {
        byte[] junk = new byte[rnd.nextInt(20)];
        rnd.nextBytes(junk);
        b.writeBytes(junk);
      } else {
        // A well-formed command now and then, so the parser gets deep into valid states too.
        int n = 1 + rnd.nextInt(3);
        b.writeBytes(("*" + n + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (int k = 0; k < n; k++) {
          byte[] v = new byte[rnd.nextInt(12)];
          rnd.nextBytes(v);
          b.writeBytes(("$" + v.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          b.writeBytes(v);
          b.writeBytes(new byte[] {'\r', '\n'});
        }
      }
    }
    return b.toByteArray();
  }
}
