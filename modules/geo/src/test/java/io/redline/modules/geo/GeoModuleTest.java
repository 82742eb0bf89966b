package io.redline.modules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;

/**
 * The geo module plugs in through the module SPI: served by default, absent (unknown command,
 * unlisted) with {@code disabled-modules geo}, while the sorted sets it builds on stay.
 */
class GeoModuleTest {
  @Test
  void servedByDefault() throws Exception {
    try (RedlineInstance r = new RedlineInstance().start(); RawClient c = r.connect()) {
      assertEquals(":1\r\n", c.callText("GEOADD", "g", "13.361389", "38.115556", "Palermo"));
      assertEquals("*1\r\n$11\r\nsqc8b49rny0\r\n", c.callText("GEOHASH", "g", "Palermo"));
    }
  }

  @Test
  void disabledModuleIsUnknown() throws Exception {
    try (RedlineInstance r = new RedlineInstance("--disabled-modules", "geo").start(); RawClient c = r.connect()) {
      assertEquals("-ERR unknown command 'GEOADD', with args beginning with: 'g' '1' '2' 'm' \r\n",
          c.callText("GEOADD", "g", "1", "2", "m"));
      assertEquals("*1\r\n$-1\r\n", c.callText("COMMAND", "INFO", "geosearch"));
      assertEquals(":1\r\n", c.callText("ZADD", "g", "1", "m"));
    }
  }
}
