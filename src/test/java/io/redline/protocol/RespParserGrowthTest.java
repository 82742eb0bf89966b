package io.redline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Regression: a command whose first arguments were found before the buffer grew or compacted
 * must still be read from the bytes' new place (3,000 pipelined SETs once came out garbled).
 */
class RespParserGrowthTest {
  @Test
  void argumentsFoundBeforeTheBufferGrowsSurviveIt() {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 3000; i++) {
      String key = "key:" + i;
      String value = "v".repeat(r.nextInt(300));
      expected.add("[SET " + key + " " + value + "]");
      String cmd = "*3\r\n$3\r\nSET\r\n$" + key.length() + "\r\n" + key + "\r\n$" + value.length() + "\r\n" + value + "\r\n";
      wire.writeBytes(cmd.getBytes(StandardCharsets.US_ASCII));
    }
    byte[] all = wire.toByteArray();
    for (int chunk : new int[] {1, 7, 1000, 4096, 65536}) {
      RespParser parser = new RespParser(512L * 1024 * 1024);
      List<String> got = new ArrayList<>();
      for (int off = 0; off < all.length; off += chunk) {
        parser.feed(all, off, Math.min(chunk, all.length - off));
        parser.parse(a -> got.add(a.toString()));
      }
      assertEquals(expected, got, "chunk size " + chunk);
    }
  }
}
