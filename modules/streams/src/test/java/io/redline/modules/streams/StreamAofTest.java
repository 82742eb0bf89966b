package io.redline.modules.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams survive an AOF restart exactly: XADD's "*" and "ms-*" IDs are logged as the IDs chosen,
 * approximate trims as the exact trim they came to (XADD and XTRIM), so replay rebuilds the same
 * entries, not new ones.
 */
class StreamAofTest {
  @Test
  void replayRebuildsTheSameStream(@TempDir Path dir) throws Exception {
    String[] args = {"--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always"};
    String before;
    String lenBefore;
    try (RedlineInstance r = new RedlineInstance(args).start(); RawClient c = r.connect()) {
      for (int i = 0; i < 300; i++) c.call("XADD", "s", "*", "n", Integer.toString(i));
      c.call("XADD", "s", "5-*", "n", "explicit-ms"); // smaller than the clock's IDs: refused, not logged
      c.call("XADD", "s", "MAXLEN", "~", "120", "*", "n", "trim");
      c.call("XTRIM", "s", "MAXLEN", "~", "110");
      c.call("XADD", "t", "7-*", "n", "a");
      c.call("XADD", "t", "7-*", "n", "b");
      before = c.callText("XRANGE", "s", "-", "+") + c.callText("XRANGE", "t", "-", "+");
      lenBefore = c.callText("XLEN", "s");
    }
    try (RedlineInstance r = new RedlineInstance(args).start(); RawClient c = r.connect()) {
      assertEquals(lenBefore, c.callText("XLEN", "s"));
      assertEquals(before, c.callText("XRANGE", "s", "-", "+") + c.callText("XRANGE", "t", "-", "+"));
    }
  }
}
