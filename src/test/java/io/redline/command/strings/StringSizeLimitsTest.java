package io.redline.command.strings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proto-max-bulk-len limits of APPEND, SETRANGE and LCS, at a 1 MB setting so the edges are
 * cheap to reach (the differential files run at the 512 MB default). Expected replies were taken
 * from redis-server 7.0.15 with the same setting.
 */
class StringSizeLimitsTest {
  private static final String TOO_LONG = "-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n";
  private static final String LCS_TOO_BIG =
      "-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n";

  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance("--proto-max-bulk-len", "1mb");

  @Test
  void appendAndSetRangeStopAtTheLimit() throws Exception {
    try (RawClient c = REDLINE.connect()) {
      assertEquals(":1048576\r\n", c.callText("SETRANGE", "k", "1048575", "x"));
      assertEquals(TOO_LONG, c.callText("APPEND", "k", "y"));
      assertEquals(TOO_LONG, c.callText("SETRANGE", "k", "1048576", "x"));
      assertEquals(TOO_LONG, c.callText("SETRANGE", "k", "1048575", "yz"));
      assertEquals(":1048576\r\n", c.callText("SETRANGE", "k", "1048575", "z"));
      assertEquals(":1048576\r\n", c.callText("APPEND", "k", ""));
      assertEquals(TOO_LONG, c.callText("SETRANGE", "new", "1048576", "x"));
      assertEquals(":0\r\n", c.callText("SETRANGE", "new", "1048576", ""));
      assertEquals(":0\r\n", c.callText("EXISTS", "new"));
    }
  }

  @Test
  void lcsTableMayNotExceedTheLimit() throws Exception {
    try (RawClient c = REDLINE.connect()) {
      // 512 * 512 cells of 4 bytes is exactly 1 MB: allowed; one more column is not.
      assertEquals(":511\r\n", c.callText("SETRANGE", "{l}a", "510", "x"));
      assertEquals(":511\r\n", c.callText("SETRANGE", "{l}b", "510", "y"));
      assertEquals(":510\r\n", c.callText("LCS", "{l}a", "{l}b", "LEN"));
      assertEquals(":512\r\n", c.callText("APPEND", "{l}b", "z"));
      assertEquals(LCS_TOO_BIG, c.callText("LCS", "{l}a", "{l}b", "LEN"));
      assertEquals(LCS_TOO_BIG, c.callText("LCS", "{l}a", "{l}b"));
      assertEquals(LCS_TOO_BIG, c.callText("LCS", "{l}a", "{l}b", "IDX"));
    }
  }
}
