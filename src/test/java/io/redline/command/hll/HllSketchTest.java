package io.redline.command.hll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sketch format and estimator without a server, against values recorded from redis-server
 * 7.0 (its GET bytes and PFCOUNT answers for the same inputs), so the build checks them even
 * where no redis-server is installed.
 */
class HllSketchTest {
  @Test
  void emptySketchIsOneXzeroRun() {
    byte[] e = HllLayout.empty();
    assertArrayEquals(bytes("HYLL\u0001\0\0\0\0\0\0\0\0\0\0\0\u007f\u00ff"), e);
    assertEquals(0L, new HllSketch(e, e.length).estimate());
    assertTrue(HllLayout.cacheValid(e));
  }

  @Test
  void oneElementMatchesRedisBytes() {
    HllSketch h = sparse();
    assertEquals(1, h.add(bytes("a"), 0, 1, 3000));
    assertEquals(0, h.add(bytes("a"), 0, 1, 3000));
    // redis-server: PFADD k a; GET k (register 12711 = 2, cache marked stale)
    byte[] expected = bytes("HYLL\u0001\0\0\0\0\0\0\0\0\0\0\u0080\u0071\u00a6\u0084\u004e\u0057");
    assertArrayEquals(expected, Arrays.copyOf(h.bytes(), h.length()));
    assertEquals(1L, h.estimate());
  }

  @Test
  void countsMatchRedis() {
    HllSketch h = sparse();
    for (int i = 0; i < 100; i++) add(h, "e:" + i);
    assertEquals(279, h.length());
    assertEquals(100L, h.estimate());
    assertTrue(h.decodeSparse().startsWith("Z:163 v:2,1 z:43 v:2,1 Z:104 v:1,1 Z:137 v:1,1"));
    for (int i = 100; i < 1000; i++) add(h, "e:" + i);
    assertFalse(h.isDense());
    assertEquals(995L, h.estimate());
    for (int i = 1000; i < 10_000; i++) add(h, "e:" + i);
    assertTrue(h.isDense());
    assertEquals(HllLayout.DENSE_SIZE, h.length());
    assertEquals(10_077L, h.estimate());
  }

  @Test
  void densifyingKeepsRegistersAndHeader() {
    HllSketch s = sparse();
    for (int i = 0; i < 500; i++) add(s, "x" + i);
    Long before = s.estimate();
    byte[] header = Arrays.copyOf(s.bytes(), HllLayout.HEADER);
    assertTrue(s.toDense());
    assertEquals(before, s.estimate());
    header[4] = HllLayout.DENSE;
    assertArrayEquals(header, Arrays.copyOf(s.bytes(), HllLayout.HEADER));
  }

  @Test
  void corruptSparseRunsAreReported() {
    byte[] b = HllLayout.empty();
    b[b.length - 1] = (byte) 0xfe; // XZERO of 16383: one register short
    HllSketch h = new HllSketch(b, b.length);
    assertNull(h.estimate());
    assertFalse(h.toDense());
    assertFalse(h.mergeInto(new byte[HllLayout.REGISTERS]));
    assertFalse(HllLayout.isValid(bytes("HYLL"), 4));
    assertFalse(HllLayout.isValid(bytes("HYLL\0\0\0\0\0\0\0\0\0\0\0\0\u007f\u00ff"), 18));
  }

  @Test
  void smallSparseLimitPromotesOnGrowth() {
    HllSketch h = sparse();
    for (int i = 0; i < 40 && !h.isDense(); i++) add(h, "p" + i, 40);
    assertTrue(h.isDense());
  }

  private static HllSketch sparse() {
    byte[] e = HllLayout.empty();
    return new HllSketch(e, e.length);
  }

  private static void add(HllSketch h, String s) { add(h, s, 3000); }

  private static void add(HllSketch h, String s, long max) {
    byte[] b = bytes(s);
    h.add(b, 0, b.length, max);
    HllLayout.invalidateCache(h.bytes());
  }

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
