package io.redline.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RESTORE of damaged payloads: bit flips, truncations, insertions, deletions and overwritten
 * ranges of real DUMP payloads of every type and encoding, most with the checksum recomputed so
 * the damage reaches the decoder. The only acceptable outcomes are a value or "Bad data format"
 * (in process) and +OK or an error reply (over the wire, with the server answering PING
 * throughout) — never another exception, a hang or an out-of-memory.
 *
 * <p>The CI form runs a few seconds; {@code -Dpersist.fuzz.seconds=300} runs the long form.
 */
class RestoreFuzzTest {
  private static final long SECONDS = Long.getLong("persist.fuzz.seconds", 3);

  @Test
  void damagedPayloadsAreRefusedCleanly() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    try (RedlineInstance r = new RedlineInstance().start(); RawClient c = r.connect()) {
      Dataset.populate(c);
      for (RespReply k : c.callParsed("KEYS", "*").elements) seeds.add(RespReply.parse(c.call(Dataset.b("DUMP"), k.payload)).payload);
      // The same data uncompressed, so damage hits the structures and not only LZF streams.
      c.callText("CONFIG", "SET", "rdbcompression", "no");
      for (RespReply k : c.callParsed("KEYS", "*").elements) seeds.add(RespReply.parse(c.call(Dataset.b("DUMP"), k.payload)).payload);
      assertTrue(seeds.size() > 40);

      ValueDecoder decoder = new ValueDecoder(ValueDecoder.Limits.DEFAULTS);
      Random rnd = new Random(Long.getLong("persist.fuzz.seed", System.nanoTime()));
      long[] outcomes = new long[3]; // decoded, refused, checksum/version refused
      long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
      int wire = 0;
      while (System.nanoTime() < deadline) {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
          byte[] p = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
          batch.add(rnd.nextInt(5) != 0 ? withChecksum(p) : p);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
          for (byte[] p : batch) decodeOnce(p, decoder, outcomes);
        }, "decoding hung");
        for (int i = 0; i < 20; i++) { // some of them over the wire
          byte[] payload = batch.get(rnd.nextInt(batch.size()));
          byte[] reply = c.call(Dataset.b("RESTORE"), Dataset.b("fuzz"), Dataset.b("0"), payload, Dataset.b("REPLACE"));
          char t = (char) reply[0];
          assertTrue(t == '+' || t == '-', "RESTORE answered " + io.redline.testing.Escape.bytes(reply));
          if (++wire % 50 == 0) assertEquals("+PONG\r\n", c.callText("PING"));
        }
      }
      assertEquals("+PONG\r\n", c.callText("PING"));
      System.out.println("restore fuzz: " + outcomes[0] + " decoded, " + outcomes[1] + " bad data, " + outcomes[2]
          + " bad checksum/version, " + wire + " over the wire");
      assertTrue(outcomes[1] > 0 && outcomes[2] > 0);
    }
  }

  private static void decodeOnce(byte[] p, ValueDecoder decoder, long[] outcomes) {
    if (!DumpPayload.verify(p)) {
      outcomes[2]++;
      return;
    }
    try {
      Object v = DumpPayload.decode(p, decoder);
      // Whatever was accepted must be a whole, usable value: write it out again.
      ValueEncoder enc = new ValueEncoder();
      RdbOutput out = new RdbOutput(64, true);
      enc.writeValue(out, v);
      outcomes[0]++;
    } catch (RdbFormatException e) {
      outcomes[1]++;
    } catch (Throwable t) {
      fail("payload " + io.redline.testing.Escape.bytes(p, 0, p.length, 400) + " threw " + t, t);
    }
  }

  static byte[] mutate(byte[] seed, Random r) {
    byte[] p = seed.clone();
    int body = Math.max(1, p.length - 10); // leave the footer to withChecksum
    switch (r.nextInt(6)) {
      case 0 -> { // a few bit flips
        for (int i = 1 + r.nextInt(4); i > 0; i--) p[r.nextInt(body)] ^= (byte) (1 << r.nextInt(8));
      }
      case 1 -> { // truncated body
        int cut = r.nextInt(body);
        byte[] t = Arrays.copyOf(p, cut + 10);
        System.arraycopy(p, p.length - 10, t, cut, 10);
        p = t;
      }
      case 2 -> { // random bytes inserted
        int at = r.nextInt(body);
        byte[] ins = new byte[1 + r.nextInt(8)];
        r.nextBytes(ins);
        byte[] t = new byte[p.length + ins.length];
        System.arraycopy(p, 0, t, 0, at);
        System.arraycopy(ins, 0, t, at, ins.length);
        System.arraycopy(p, at, t, at + ins.length, p.length - at);
        p = t;
      }
      case 3 -> { // a range deleted
        int at = r.nextInt(body);
        int n = Math.min(body - at, 1 + r.nextInt(8));
        byte[] t = new byte[p.length - n];
        System.arraycopy(p, 0, t, 0, at);
        System.arraycopy(p, at + n, t, at, p.length - at - n);
        p = t;
      }
      case 4 -> { // a range overwritten with a "large" byte (lengths, counts)
        int at = r.nextInt(body);
        for (int i = at; i < Math.min(body, at + 1 + r.nextInt(4)); i++) p[i] = (byte) (r.nextBoolean() ? 0xff : 0x80 | r.nextInt(128));
      }
      default -> { // the type byte
        p[0] = (byte) r.nextInt(24);
      }
    }
    return p;
  }

  /** The payload with a valid version and CRC-64, so the damage is the decoder's to find. */
  static byte[] withChecksum(byte[] p) {
    if (p.length < 10) return p;
    byte[] t = p.clone();
    t[t.length - 10] = (byte) RdbTypes.RDB_VERSION;
    t[t.length - 9] = 0;
    long crc = Crc64.of(t, 0, t.length - 8);
    for (int i = 0; i < 8; i++) t[t.length - 8 + i] = (byte) (crc >>> (8 * i));
    return t;
  }
}
