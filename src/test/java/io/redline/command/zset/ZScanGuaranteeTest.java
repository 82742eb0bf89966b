package io.redline.command.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetValue;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ZSCAN's contract on the skip-list encoding: every member present from the start to the end of
 * a scan is returned at least once, even when the member table grows or shrinks between calls.
 */
class ZScanGuaranteeTest {
  private static final ZSetLimits TABLE = new ZSetLimits(0, 64);
  /** Few enough that removing the churn shrinks the table, not just grows it. */
  private static final int STABLE = 40;

  private static byte[] b(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

  @Test
  void membersPresentThroughoutAreAllReturned() {
    for (long seed = 1; seed <= 20; seed++) {
      Random r = new Random(seed);
      ZSetValue z = ZSetValue.forAdd(1, TABLE);
      double[] out = new double[1];
      for (int i = 0; i < STABLE; i++) z.add(b("stable" + i), 0, ("stable" + i).length(), i, 0, out, TABLE);
      Set<String> seen = new HashSet<>();
      long cursor = 0;
      int extra = 0;
      do {
        cursor = z.scan(cursor, 1 + r.nextInt(20), (m, s) -> seen.add(new String(m, StandardCharsets.US_ASCII)));
        // Between calls, grow (forcing table doubling) or shrink (forcing halving) with churn members.
        if (r.nextBoolean()) {
          for (int k = 0, add = r.nextInt(2000); k < add; k++, extra++) {
            String m = "churn" + extra;
            z.add(b(m), 0, m.length(), -1, 0, out, TABLE);
          }
        } else {
          for (int k = 0; k < extra; k++) z.remove(b("churn" + k), 0, ("churn" + k).length());
        }
      } while (cursor != 0);
      for (int i = 0; i < STABLE; i++) assertTrue(seen.contains("stable" + i), "seed " + seed + " missed stable" + i);
    }
  }

  @Test
  void compactSetsComeBackWholeWithCursorZero() {
    ZSetLimits compact = new ZSetLimits(128, 64);
    ZSetValue z = ZSetValue.forAdd(1, compact);
    double[] out = new double[1];
    for (int i = 0; i < 100; i++) z.add(b("m" + i), 0, ("m" + i).length(), i, 0, out, compact);
    int[] n = {0};
    assertEquals(0, z.scan(12345, 1, (m, s) -> n[0]++));
    assertEquals(100, n[0]);
  }
}
