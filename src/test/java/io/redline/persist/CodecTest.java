package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The RDB primitives against known values: CRC-64, LZF (vectors taken from redis-server 7.0's DUMP), listpacks, lengths. */
class CodecTest {
  private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

  @Test
  void crc64MatchesRedisCheckValue() {
    assertEquals(0xe9c6d914c4b8d9caL, Crc64.of(ascii("123456789"), 0, 9));
    // Slicing by 8 and byte at a time agree at every split.
    byte[] data = new byte[1000];
    new Random(1).nextBytes(data);
    long whole = Crc64.of(data, 0, data.length);
    for (int cut = 0; cut <= 17; cut++) {
      assertEquals(whole, Crc64.update(Crc64.of(data, 0, cut), data, cut, data.length - cut));
    }
  }

  @Test
  void lzfCompressesAsRedisDoes() {
    // redis-server 7.0: SET a <67 x 'a'>; DUMP a -> \x00\xc3\t@C + compressed bytes
    byte[] in = ascii("a".repeat(67));
    byte[] out = new byte[in.length];
    int n = new Lzf().compress(in, 0, in.length, out, in.length - 4);
    assertArrayEquals(new byte[] {0x01, 'a', 'a', (byte) 0xe0, 0x36, 0x00, 0x01, 'a', 'a'}, java.util.Arrays.copyOf(out, n));
    byte[] hw = ascii("hello world hello world hello world");
    n = new Lzf().compress(hw, 0, hw.length, out, hw.length - 4);
    assertArrayEquals(ascii("\u000chello world h\u00e0\u000b\u000b\u0001ld"), java.util.Arrays.copyOf(out, n));
  }

  @Test
  void lzfRoundTripsAndRejectsGarbage() {
    Random r = new Random(7);
    Lzf lzf = new Lzf();
    for (int round = 0; round < 300; round++) {
      byte[] in = new byte[r.nextInt(5000) + 1];
      int alphabet = 1 + r.nextInt(20);
      for (int i = 0; i < in.length; i++) in[i] = (byte) ('a' + r.nextInt(alphabet));
      byte[] out = new byte[in.length + 64];
      int n = lzf.compress(in, 0, in.length, out, in.length + 32);
      assertTrue(n > 0);
      byte[] back = new byte[in.length];
      assertTrue(Lzf.decompress(out, 0, n, back, back.length));
      assertArrayEquals(in, back);
      assertFalse(Lzf.decompress(out, 0, n, new byte[in.length + 1], in.length + 1), "length must match exactly");
    }
    assertFalse(Lzf.decompress(new byte[] {(byte) 0xe0, 5, 1}, 0, 3, new byte[20], 20), "back reference before the start");
    assertFalse(Lzf.decompress(new byte[] {10, 1, 2}, 0, 3, new byte[20], 20), "literal run past the input");
  }

  @Test
  void listpackEncodingsRoundTrip() throws Exception {
    long[] ints = {0, 127, 128, -1, 4095, -4096, 4096, 32767, -32768, 40000, 8388607, -8388608, 8388608,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
    ListpackWriter w = new ListpackWriter();
    for (long v : ints) w.add(v);
    String[] strings = {"", "a", "x".repeat(63), "x".repeat(64), "y".repeat(4095), "z".repeat(4096), "007", "-0", "12a"};
    for (String s : strings) w.add(ascii(s));
    w.add(ascii("42"));
    ListpackReader r = new ListpackReader(w.finish());
    assertEquals(ints.length + strings.length + 1, r.count());
    for (long v : ints) {
      assertTrue(r.next());
      assertTrue(r.isInt());
      assertEquals(v, r.intValue());
    }
    for (String s : strings) {
      assertTrue(r.next());
      assertFalse(r.isInt(), s);
      assertEquals(s, new String(r.bytes(), StandardCharsets.ISO_8859_1));
    }
    assertTrue(r.next());
    assertTrue(r.isInt(), "a canonical integer string is stored as an integer");
    assertFalse(r.next());
  }

  @Test
  void listpackValidationCatchesDamage() {
    ListpackWriter w = new ListpackWriter();
    w.add(ascii("hello")).add(1234).add(ascii("world"));
    byte[] lp = w.finish();
    for (int i = 0; i < lp.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = lp.clone();
        bad[i] ^= (byte) (1 << bit);
        try {
          ListpackReader r = new ListpackReader(bad);
          while (r.next()) r.bytes(); // whatever passes validation must also walk safely
        } catch (RdbFormatException expected) {
          // refused: fine
        }
      }
    }
    assertThrows(RdbFormatException.class, () -> new ListpackReader(java.util.Arrays.copyOf(lp, lp.length - 1)));
  }

  @Test
  void lengthsUseRedisEncodings() throws Exception {
    long[] lens = {0, 63, 64, 16383, 16384, 0xffffffffL, 0x100000000L};
    int[] sizes = {1, 1, 2, 2, 5, 5, 9};
    for (int i = 0; i < lens.length; i++) {
      RdbOutput out = new RdbOutput(16, false);
      out.writeLength(lens[i]);
      assertEquals(sizes[i], out.size());
      out.writeBytes(new byte[16]); // so the reader's bounds allow it
      assertEquals(lens[i], RdbInput.of(out.toByteArray()).readLength());
    }
  }

  @Test
  void stringsUseIntegerEncodingsLikeRedis() throws Exception {
    RdbOutput out = new RdbOutput(16, true);
    out.writeString(ascii("12345"));
    assertArrayEquals(new byte[] {(byte) 0xc1, 0x39, 0x30}, out.toByteArray());
    out.reset();
    out.writeString(ascii("012"));
    assertArrayEquals(new byte[] {3, '0', '1', '2'}, out.toByteArray(), "not canonical: stored as text");
    out.reset();
    out.writeLongAsString(1L << 40);
    assertEquals("1099511627776", new String(RdbInput.of(out.toByteArray()).readString(), StandardCharsets.US_ASCII));
  }

  @Test
  void corruptLengthsCannotAllocateBeyondTheInput() {
    // A string claiming 4 GB in a 10-byte payload.
    byte[] p = {(byte) 0x80, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5};
    assertThrows(RdbFormatException.class, () -> RdbInput.of(p).readString());
    // An LZF string claiming a huge expansion.
    byte[] z = {(byte) 0xc3, 0x02, (byte) 0x80, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 'a'};
    assertThrows(RdbFormatException.class, () -> RdbInput.of(z).readString());
  }
}
