package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** client-output-buffer-limit parsing and merging, with Redis 7.0's quirks (checked against it in pubsub-config.txt). */
class OutputBufferLimitsTest {
  private static final String D = OutputBufferLimits.DEFAULT;

  @Test
  void defaultParses() {
    OutputBufferLimits l = OutputBufferLimits.parse(D);
    assertEquals(new OutputBufferLimits.ClassLimit(0, 0, 0), l.normal());
    assertEquals(new OutputBufferLimits.ClassLimit(256L << 20, 64L << 20, 60), l.replica());
    assertEquals(new OutputBufferLimits.ClassLimit(32L << 20, 8L << 20, 60), l.pubsub());
    assertEquals(D, l.toString());
  }

  @Test
  void onlyTheNamedClassesChange() {
    assertEquals("normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 524288 10", OutputBufferLimits.merge(D, "pubsub 1mb 512kb 10"));
    assertEquals("normal 1 2 3 slave 268435456 67108864 60 pubsub 4 5 6", OutputBufferLimits.merge(D, "normal 1 2 3 pubsub 4 5 6"));
    assertEquals("normal 0 0 0 slave 7 8 9 pubsub 33554432 8388608 60", OutputBufferLimits.merge(D, "replica 7 8 9"));
    assertEquals("normal 0 0 0 slave 268435456 67108864 60 pubsub 1000 2048 3", OutputBufferLimits.merge(D, "PUBSUB 1K 2Kb 3"));
    assertEquals("normal 0 0 0 slave 268435456 67108864 60 pubsub 4 5 6", OutputBufferLimits.merge(D, "pubsub 1 2 3 pubsub 4 5 6"));
    assertEquals(D, OutputBufferLimits.merge(D, "   "));
  }

  @Test
  void secondsAreTruncatedToAnIntAsInRedis() {
    assertEquals("normal 0 0 0 slave 268435456 67108864 60 pubsub 1 2 1215752191", OutputBufferLimits.merge(D, "pubsub 1 2 99999999999"));
    assertThrows(IllegalArgumentException.class, () -> OutputBufferLimits.merge(D, "pubsub 1 2 2147483648"));
  }

  @Test
  void errorsCarryRedisReasons() {
    assertEquals("Wrong number of arguments in buffer limit configuration.",
        assertThrows(IllegalArgumentException.class, () -> OutputBufferLimits.merge(D, "pubsub 1 2")).getMessage());
    assertEquals("Invalid client class specified in buffer limit configuration.",
        assertThrows(IllegalArgumentException.class, () -> OutputBufferLimits.merge(D, "master 1 2 3")).getMessage());
    for (String bad : new String[] {"pubsub x 2 3", "pubsub 1 2x 3", "pubsub 1 2 x", "pubsub 1 2 -1", "pubsub -1 2 3", "normal 10mbs 1 1"}) {
      assertEquals("Error in hard, soft or soft_seconds setting in buffer limit configuration.",
          assertThrows(IllegalArgumentException.class, () -> OutputBufferLimits.merge(D, bad)).getMessage(), bad);
    }
  }

  @Test
  void memoryUnitsFollowMemtoull() {
    assertEquals(0, OutputBufferLimits.memToBytes("kb")); // no digits: 0, as strtoull("") is
    assertEquals(1024L * 1024 * 1024, OutputBufferLimits.memToBytes("1gb"));
    assertEquals(5, OutputBufferLimits.memToBytes("5B"));
    assertThrows(NumberFormatException.class, () -> OutputBufferLimits.memToBytes("99999999999999999999"));
  }
}
