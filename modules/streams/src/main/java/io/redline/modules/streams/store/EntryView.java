package io.redline.modules.streams.store;

import io.redline.protocol.ReplyWriter;

/**
 * One decoded stream entry, pointing into its block's bytes (nothing is copied): its ID, flags
 * and the offsets of its field names and values. Reused from entry to entry by a cursor.
 */
public final class EntryView {
  long ms, seq;
  int flags;
  int offset;      // where the entry starts in its block
  int count;       // field-value pairs
  byte[] data;
  int[] fieldOff = new int[8], fieldLen = new int[8], valueOff = new int[8], valueLen = new int[8];

  public long ms() { return ms; }
  public long seq() { return seq; }
  public StreamId id() { return new StreamId(ms, seq); }
  public int pairs() { return count; }
  public boolean deleted() { return (flags & EntryBlock.FLAG_DELETED) != 0; }

  void ensure(int n) {
    if (fieldOff.length >= n) return;
    int c = Math.max(n, fieldOff.length * 2);
    fieldOff = new int[c];
    fieldLen = new int[c];
    valueOff = new int[c];
    valueLen = new int[c];
  }

  /** Writes [id, [field, value, ...]], the shape every stream read replies with. */
  public void write(ReplyWriter reply) {
    reply.array(2);
    reply.bulk(StreamId.bytes(ms, seq));
    reply.array(count * 2);
    for (int i = 0; i < count; i++) {
      reply.bulk(data, fieldOff[i], fieldLen[i]);
      reply.bulk(data, valueOff[i], valueLen[i]);
    }
  }
}
