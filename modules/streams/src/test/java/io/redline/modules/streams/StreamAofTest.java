package io.redline.modules.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams survive an AOF restart exactly: XADD's "*" and "ms-*" IDs are logged as the IDs chosen,
 * approximate trims as the exact trim they came to (XADD and XTRIM), and XREADGROUP as what it
 * did (consumer created, entries claimed, group advanced), so replay rebuilds the same state
 * instead of reading whatever is new at replay time.
 */
class StreamAofTest {
  @Test
  void replayRebuildsTheSameStreamAndGroups(@TempDir Path dir) throws Exception {
    String[] args = {"--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always"};
    String before;
    try (RedlineInstance r = new RedlineInstance(args).start(); RawClient c = r.connect()) {
      for (int i = 0; i < 300; i++) c.call("XADD", "s", "*", "n", Integer.toString(i));
      c.call("XADD", "s", "5-*", "n", "explicit-ms"); // smaller than the clock's IDs: refused, not logged
      c.call("XADD", "s", "MAXLEN", "~", "120", "*", "n", "trim");
      c.call("XTRIM", "s", "MAXLEN", "~", "110");
      c.call("XADD", "t", "7-*", "n", "a");
      c.call("XADD", "t", "7-*", "n", "b");
      c.call("XGROUP", "CREATE", "s", "g", "0");
      c.call("XREADGROUP", "GROUP", "g", "alice", "COUNT", "5", "STREAMS", "s", ">");
      Thread.sleep(1100);
      c.call("XREADGROUP", "GROUP", "g", "bob", "COUNT", "3", "STREAMS", "s", ">");
      // Only alice's entries are idle for a second yet: logged as the claims it made (XCLAIMs, as
      // Redis logs it), replay moves exactly those.
      c.call("XAUTOCLAIM", "s", "g", "erin", "1000", "0", "COUNT", "100");
      c.call("XCLAIM", "s", "g", "dave", "0", idOf(c.callText("XPENDING", "s", "g", "-", "+", "1", "bob")));
      c.call("XREADGROUP", "GROUP", "g", "bob", "STREAMS", "s", "0"); // history: delivered again
      c.call("XREADGROUP", "GROUP", "g", "carol", "NOACK", "COUNT", "2", "STREAMS", "s", ">");
      // Entries added after the reads: a replayed XREADGROUP ">" would wrongly deliver these too.
      c.call("XADD", "s", "*", "n", "after-reads");
      before = state(c);
      Thread.sleep(1200); // so that a delivery time restored from the log shows as idle time
    }
    try (RedlineInstance r = new RedlineInstance(args).start(); RawClient c = r.connect()) {
      assertEquals(before, state(c));
      // The delivery time came back too (an XREADGROUP replayed at start-up would show ~0 ms idle).
      String pending = c.callText("XPENDING", "s", "g", "-", "+", "1", "bob");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$3\r\nbob\r\n:(\\d+)\r\n:\\d+\r\n").matcher(pending);
      org.junit.jupiter.api.Assertions.assertTrue(m.find(), pending);
      org.junit.jupiter.api.Assertions.assertTrue(Long.parseLong(m.group(1)) >= 1000, pending);
    }
  }

  /** The ID in a one-entry extended XPENDING reply. */
  private static String idOf(String pending) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*4\r\n\\$\\d+\r\n([0-9-]+)\r\n").matcher(pending);
    if (!m.find()) throw new AssertionError(pending);
    return m.group(1);
  }

  /** Everything about the streams but times: entries, group positions, pending counts per consumer. */
  private static String state(RawClient c) throws Exception {
    return c.callText("XRANGE", "s", "-", "+") + c.callText("XRANGE", "t", "-", "+") + c.callText("XLEN", "s")
        + c.callText("XINFO", "GROUPS", "s") + c.callText("XPENDING", "s", "g")
        + c.callText("XINFO", "CONSUMERS", "s", "g").replaceAll("\\$(4\r\nidle|8\r\ninactive)\r\n:\\d+", "");
  }
}
