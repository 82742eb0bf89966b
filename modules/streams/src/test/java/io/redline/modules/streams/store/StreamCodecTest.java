package io.redline.modules.streams.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.persist.RdbInput;
import io.redline.persist.RdbOutput;
import io.redline.protocol.Args;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stream RDB codec: what it writes reads back to the same stream (and writes the same bytes
 * again), and damaged payloads — truncated, or with bytes changed — are refused with a format
 * error (an IOException), never another exception or a half-built value.
 */
class StreamCodecTest {
  private final StreamCodec codec = new StreamCodec();

  private static StreamValue sample(Random rnd, int entries) {
    StreamValue s = new StreamValue();
    long ms = 1000;
    for (int i = 0; i < entries; i++) {
      ms += rnd.nextInt(3);
      StreamId id = new StreamId(ms, i);
      String[] pairs = rnd.nextBoolean() ? new String[] {"f", "v" + i, "n", String.valueOf(rnd.nextInt())}
          : new String[] {"other" + rnd.nextInt(3), "x".repeat(rnd.nextInt(70))};
      long bytes = 0;
      for (String p : pairs) bytes += p.length();
      s.append(id, Args.of(pairs), 0, pairs.length / 2, bytes, 4096, 7);
    }
    for (int i = 0; i < entries / 5; i++) s.delete(new StreamId(1000 + rnd.nextInt(entries * 2), rnd.nextInt(entries)));
    ConsumerGroup g = s.createGroup("g".getBytes(), new StreamId(ms, 3), 3);
    ConsumerGroup unread = s.createGroup("fresh".getBytes(), StreamId.MIN, ConsumerGroup.UNKNOWN_ENTRIES_READ);
    assertTrue(unread != null);
    Consumer a = g.consumerOrCreate("alice".getBytes(), 1_700_000_000_000L, null);
    Consumer b = g.consumerOrCreate("bob".getBytes(), 1_700_000_000_500L, null);
    StreamCursor c = s.cursor(StreamId.MIN, StreamId.MAX, false);
    int k = 0;
    while (c.next() && k < 10) g.delivered(c.entry().id(), k++ % 2 == 0 ? a : b, 1_700_000_001_000L + k);
    return s;
  }

  private byte[] write(StreamValue s) {
    RdbOutput out = new RdbOutput(256, false);
    codec.write(out, s);
    return out.toByteArray();
  }

  @Test
  void whatIsWrittenReadsBackTheSame() throws IOException {
    Random rnd = new Random(11);
    for (int round = 0; round < 30; round++) {
      StreamValue s = sample(rnd, rnd.nextInt(60));
      byte[] bytes = write(s);
      StreamValue back = (StreamValue) codec.read(19, RdbInput.of(bytes));
      assertArrayEquals(bytes, write(back), "round " + round);
      assertEquals(s.length(), back.length());
      assertEquals(s.lastId(), back.lastId());
      assertEquals(s.radixTreeKeys(), back.radixTreeKeys());
      assertEquals(s.group("g".getBytes()).pending.size(), back.group("g".getBytes()).pending.size());
    }
  }

  @Test
  void damagedPayloadsAreRefusedCleanly() {
    Random rnd = new Random(5);
    byte[] good = write(sample(rnd, 40));
    int refused = 0;
    for (int trial = 0; trial < 3000; trial++) {
      byte[] bad;
      if (trial % 3 == 0) {
        bad = java.util.Arrays.copyOf(good, rnd.nextInt(good.length));
      } else {
        bad = good.clone();
        for (int k = 0; k <= trial % 4; k++) bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
      }
      try {
        Object v = codec.read(19, RdbInput.of(bad));
        assertTrue(v instanceof StreamValue, "a value or an error");
      } catch (IOException expected) {
        refused++;
      }
    }
    assertTrue(refused > 1000, "most damaged payloads are refused: " + refused);
  }
}
