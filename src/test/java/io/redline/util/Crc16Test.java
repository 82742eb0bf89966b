package io.redline.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Crc16 and hash slots. Expected slots were read from CLUSTER KEYSLOT on a redis-server 7.0.15
 * started with cluster-enabled (keySlot was also diffed there against 3000 random keys).
 */
class Crc16Test {
  @Test
  void crc16XmodemCheckValue() {
    assertEquals(0x31C3, Crc16.crc16("123456789".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(0, Crc16.crc16(new byte[0]));
  }

  @Test
  void slotsMatchRedisCluster() {
    Object[][] cases = {
      {"foo", 12182}, {"bar", 5061}, {"{user1000}.following", 3443}, {"user1000", 3443},
      {"123456789", 12739}, {"", 0}, {"{}", 15257}, {"{}x", 10595}, {"{", 4092}, {"}", 12090},
      {"a{b", 13340}, {"a}b{c}", 7365}, {"{a}{b}", 15495}, {"{{a}}", 10276}, {"x{}{a}", 15756},
    };
    for (Object[] c : cases) assertEquals(c[1], Crc16.keySlot((String) c[0]), (String) c[0]);
  }

  @Test
  void hashTagRules() {
    // The tag is between the first '{' and the first '}' after it; "{}" means no tag.
    assertEquals(Crc16.keySlot("a"), Crc16.keySlot("{a}{b}"));
    assertEquals(Crc16.keySlot("{a"), Crc16.keySlot("{{a}}"));
    assertEquals(Crc16.keySlot("c"), Crc16.keySlot("a}b{c}"));
    assertEquals(Crc16.crc16("x{}{a}".getBytes(StandardCharsets.US_ASCII)) & 16383, Crc16.keySlot("x{}{a}"));
    byte[] bin = {(byte) 0xff, 0, '{', (byte) 0x80, '}'};
    assertEquals(4488, Crc16.keySlot(bin));
  }

  @Test
  void slotOfSubRange() {
    byte[] buf = "xx{user1000}.followingyy".getBytes(StandardCharsets.US_ASCII);
    assertEquals(3443, Crc16.keySlot(buf, 2, 20));
    assertEquals(12182, Crc16.keySlot("..foo..".getBytes(StandardCharsets.US_ASCII), 2, 3));
  }
}
