package io.redline.modules.streams.store;

import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/**
 * A stream entry ID: two unsigned 64-bit numbers, milliseconds and sequence, ordered as one
 * 128-bit number (as Redis's {@code streamID}). Java has no unsigned long, so every comparison
 * and every printed form goes through the unsigned helpers here.
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {
  public static final StreamId MIN = new StreamId(0, 0);
  public static final StreamId MAX = new StreamId(-1L, -1L);

  @Override
  public int compareTo(StreamId o) { return compare(ms, seq, o.ms, o.seq); }

  public static int compare(long ms1, long seq1, long ms2, long seq2) {
    int c = Long.compareUnsigned(ms1, ms2);
    return c != 0 ? c : Long.compareUnsigned(seq1, seq2);
  }

  public boolean isZero() { return ms == 0 && seq == 0; }

  public boolean isMax() { return ms == -1L && seq == -1L; }

  /** The next ID, or null past the last possible one (Redis's streamIncrID failing). */
  public StreamId next() {
    if (seq != -1L) return new StreamId(ms, seq + 1);
    if (ms != -1L) return new StreamId(ms + 1, 0);
    return null;
  }

  /** The previous ID, or null before 0-0 (Redis's streamDecrID failing). */
  public StreamId previous() {
    if (seq != 0) return new StreamId(ms, seq - 1);
    if (ms != 0) return new StreamId(ms - 1, -1L);
    return null;
  }

  @Override
  public String toString() { return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq); }

  public byte[] bytes() { return toString().getBytes(StandardCharsets.US_ASCII); }

  /** "ms-seq" as bytes, without intermediate strings on the common (non-huge) path. */
  public static byte[] bytes(long ms, long seq) {
    if (ms < 0 || seq < 0) return new StreamId(ms, seq).bytes();
    int a = RedisNumbers.digits(ms);
    byte[] out = new byte[a + 1 + RedisNumbers.digits(seq)];
    RedisNumbers.writeLong(out, 0, ms);
    out[a] = '-';
    RedisNumbers.writeLong(out, a + 1, seq);
    return out;
  }
}
