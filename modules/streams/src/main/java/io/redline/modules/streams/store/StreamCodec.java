package io.redline.modules.streams.store;

import io.redline.persist.ListpackReader;
import io.redline.persist.ListpackWriter;
import io.redline.persist.RdbFormatException;
import io.redline.persist.RdbInput;
import io.redline.persist.RdbOutput;
import io.redline.persist.ValueCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams in RDB files and DUMP payloads, in Redis 7.0's layout (RDB_TYPE_STREAM_LISTPACKS_2,
 * type 19; type 15 from older Redis is read too): each block as its 16-byte big-endian first ID
 * and the listpack Redis would hold for it (master entry, delta-encoded entries, lp-count
 * trailers, deleted flags), then length, last / first / max-deleted IDs, entries added, and the
 * groups with their PELs (delivery time and count) and consumers (seen time, PEL by ID).
 *
 * <p>Rebuilt from our blocks the listpacks are byte for byte Redis's, since Redis's in-place
 * updates (counters, deleted flags) leave a listpack as a fresh build of its final state would.
 * Reading refuses anything a valid stream cannot hold, as Redis's deep sanitisation does, and a
 * little more that Redline's structures rely on: entry IDs must increase, flags and counters
 * agree, the length matches the live entries and the last ID is not below any entry.
 */
public final class StreamCodec implements ValueCodec {
  private static final int STREAM_LISTPACKS = 15;
  private static final int STREAM_LISTPACKS_2 = 19;

  @Override
  public int[] readTypes() { return new int[] {STREAM_LISTPACKS, STREAM_LISTPACKS_2}; }

  @Override
  public boolean writes(Object value) { return value instanceof StreamValue; }

  @Override
  public int writeType(Object value) { return STREAM_LISTPACKS_2; }

  @Override
  public void write(RdbOutput out, Object value) {
    StreamValue s = (StreamValue) value;
    out.writeLength(s.radixTreeKeys());
    ListpackWriter lp = new ListpackWriter();
    EntryView v = new EntryView();
    for (EntryBlock b : s.blocks()) {
      out.writeString(idBytes(b.masterMs, b.masterSeq));
      out.writeString(listpack(b, lp, v));
    }
    writeU64(out, s.length());
    writeId(out, s.lastId());
    writeId(out, s.firstId());
    writeId(out, s.maxDeletedId());
    writeU64(out, s.entriesAdded());
    out.writeLength(s.groupCount());
    for (Map.Entry<byte[], ConsumerGroup> e : s.groups()) {
      ConsumerGroup g = e.getValue();
      out.writeString(e.getKey());
      writeId(out, g.lastId);
      writeU64(out, g.entriesRead); // -1 (unknown) goes out as 2^64-1, as Redis writes it
      out.writeLength(g.pending.size());
      for (Map.Entry<StreamId, PendingEntry> p : g.pending.entrySet()) {
        out.writeBytes(idBytes(p.getKey().ms(), p.getKey().seq()));
        out.writeLongLE(p.getValue().deliveryTime);
        writeU64(out, p.getValue().deliveryCount);
      }
      out.writeLength(g.consumers.size());
      for (Consumer c : g.consumers.values()) {
        out.writeString(c.name);
        out.writeLongLE(c.seenTime);
        out.writeLength(c.pending.size());
        for (StreamId id : c.pending.keySet()) out.writeBytes(idBytes(id.ms(), id.seq()));
      }
    }
  }

  /** The listpack Redis keeps for this block. */
  private static byte[] listpack(EntryBlock b, ListpackWriter lp, EntryView v) {
    lp.reset();
    lp.add(b.live).add(b.deleted);
    byte[][] master = b.masterFields();
    lp.add(master.length);
    for (byte[] f : master) lp.add(f);
    lp.add(0);
    for (int pos = b.firstOffset(); pos < b.endOffset(); ) {
      int at = pos;
      pos = b.decode(at, v);
      boolean same = b.sameFieldsAt(at);
      lp.add(v.flags).add(v.ms - b.masterMs).add(v.seq - b.masterSeq);
      if (!same) lp.add(v.count);
      for (int i = 0; i < v.count; i++) {
        if (!same) lp.add(v.data, v.fieldOff[i], v.fieldLen[i]);
        lp.add(v.data, v.valueOff[i], v.valueLen[i]);
      }
      lp.add(v.count + 3 + (same ? 0 : v.count + 1));
    }
    return lp.finish();
  }

  @Override
  public Object read(int type, RdbInput in) throws IOException {
    StreamValue s = new StreamValue();
    long nodes = in.readCount(2);
    StreamId last = null; // of the entries read so far
    for (long n = 0; n < nodes; n++) {
      byte[] key = in.readString();
      if (key.length != 16) throw in.corrupt("stream node key is not the size of a stream ID");
      StreamId master = decodeId(key);
      if (last != null && master.compareTo(last) <= 0) throw in.corrupt("stream nodes out of order");
      EntryBlock b = readNode(in, master, new ListpackReader(in.readString()));
      s.addLoaded(b);
      last = new StreamId(b.lastMs, b.lastSeq);
    }
    long length = readU64(in);
    StreamId lastId = readId(in);
    StreamId maxDeleted = StreamId.MIN;
    long added = length;
    if (type == STREAM_LISTPACKS_2) {
      readId(in); // the first ID: Redline derives it from the entries
      maxDeleted = readId(in);
      added = readU64(in);
    }
    if (length != s.length()) throw in.corrupt("stream length " + length + " but " + s.length() + " live entries");
    if (last != null && lastId.compareTo(last) < 0) throw in.corrupt("stream last ID below its last entry");
    s.setLoaded(lastId, maxDeleted, added);
    long groups = in.readCount(4);
    for (long g = 0; g < groups; g++) readGroup(in, s, type);
    return s;
  }

  /** One listpack: master entry, then count + deleted entries, all checked. */
  private static EntryBlock readNode(RdbInput in, StreamId master, ListpackReader r) throws IOException {
    if (r.count() == 0) throw in.corrupt("empty listpack inside stream");
    long live = integer(in, r), deleted = integer(in, r), fields = integer(in, r);
    if (live < 0 || deleted < 0 || fields < 0 || fields > r.count()) throw in.corrupt("bad stream master entry");
    byte[][] masterFields = new byte[(int) fields][];
    for (int i = 0; i < fields; i++) masterFields[i] = string(in, r);
    if (integer(in, r) != 0) throw in.corrupt("stream master entry without its terminator");
    if (live + deleted > r.count()) throw in.corrupt("stream node counts exceed its listpack");
    EntryBlock b = EntryBlock.start(master.ms(), master.seq(), masterFields);
    StreamId prev = null;
    long seenLive = 0;
    for (long e = 0; e < live + deleted; e++) {
      long flags = integer(in, r);
      if (flags < 0 || flags > 3) throw in.corrupt("bad stream entry flags");
      StreamId id = new StreamId(master.ms() + integer(in, r), master.seq() + integer(in, r));
      if (prev != null && id.compareTo(prev) <= 0) throw in.corrupt("stream entries out of order");
      boolean same = (flags & EntryBlock.FLAG_SAME_FIELDS) != 0;
      long n = same ? fields : integer(in, r);
      if (n < 0 || n > r.count()) throw in.corrupt("bad stream entry field count");
      List<byte[]> pairs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pairs.add(same ? masterFields[i] : string(in, r)); // a same-fields entry stores values only
        pairs.add(string(in, r));
      }
      long lpCount = integer(in, r);
      if (lpCount != n + 3 + (same ? 0 : n + 1)) throw in.corrupt("bad stream entry lp-count");
      boolean isDeleted = (flags & EntryBlock.FLAG_DELETED) != 0;
      if (!isDeleted) seenLive++;
      b.appendLoaded(id.ms(), id.seq(), pairs.toArray(new byte[0][]), isDeleted);
      prev = id;
    }
    if (r.next()) throw in.corrupt("stream listpack has elements past its entries");
    if (seenLive != live) throw in.corrupt("stream node live count disagrees with its entries");
    return b;
  }

  private static void readGroup(RdbInput in, StreamValue s, int type) throws IOException {
    byte[] name = in.readString();
    StreamId lastId = readId(in);
    long entriesRead = type == STREAM_LISTPACKS_2 ? readU64(in) : s.estimateEntriesRead(lastId);
    ConsumerGroup g = s.createGroup(name, lastId, entriesRead);
    if (g == null) throw in.corrupt("duplicated consumer group name");
    long pel = in.readCount(16 + 8 + 1);
    for (long i = 0; i < pel; i++) {
      StreamId id = decodeId(in.readBytes(16));
      PendingEntry p = new PendingEntry(null, in.readLongLE());
      p.deliveryCount = readU64(in);
      if (g.pending.putIfAbsent(id, p) != null) throw in.corrupt("duplicated global PEL entry");
    }
    long consumers = in.readCount(1 + 8 + 1);
    for (long i = 0; i < consumers; i++) {
      byte[] cname = in.readString();
      if (g.consumer(cname) != null) throw in.corrupt("duplicate stream consumer");
      Consumer c = g.consumerOrCreate(cname, in.readLongLE(), null);
      long owned = in.readCount(16);
      for (long k = 0; k < owned; k++) {
        StreamId id = decodeId(in.readBytes(16));
        PendingEntry p = g.pending.get(id);
        if (p == null) throw in.corrupt("consumer entry not found in group global PEL");
        if (p.consumer != null || c.pending.putIfAbsent(id, p) != null) throw in.corrupt("duplicated consumer PEL entry");
        p.consumer = c;
      }
    }
    for (PendingEntry p : g.pending.values()) if (p.consumer == null) throw in.corrupt("stream group PEL entry without consumer");
  }

  private static long integer(RdbInput in, ListpackReader r) throws RdbFormatException {
    if (!r.next()) throw in.corrupt("stream listpack ends early");
    if (!r.isInt()) throw in.corrupt("stream listpack: a string where an integer belongs");
    return r.intValue();
  }

  private static byte[] string(RdbInput in, ListpackReader r) throws RdbFormatException {
    if (!r.next()) throw in.corrupt("stream listpack ends early");
    return r.bytes();
  }

  private static void writeId(RdbOutput out, StreamId id) {
    writeU64(out, id.ms());
    writeU64(out, id.seq());
  }

  private static StreamId readId(RdbInput in) throws IOException {
    return new StreamId(readU64(in), readU64(in));
  }

  /** rdbSaveLen of an unsigned 64-bit number (IDs, and -1 as 2^64-1): the 64-bit form past 2^63 too. */
  private static void writeU64(RdbOutput out, long v) {
    if (v >= 0) {
      out.writeLength(v);
      return;
    }
    out.writeByte(0x81);
    for (int s = 56; s >= 0; s -= 8) out.writeByte((int) (v >>> s) & 0xff);
  }

  /** rdbLoadLen as an unsigned 64-bit number (RdbInput's lengths stop at 2^63, as sizes must). */
  private static long readU64(RdbInput in) throws IOException {
    int first = in.readUnsignedByte();
    int kind = first >>> 6;
    if (kind == 0) return first & 0x3f;
    if (kind == 1) return ((first & 0x3f) << 8) | in.readUnsignedByte();
    int bytes = first == 0x80 ? 4 : first == 0x81 ? 8 : 0;
    if (bytes == 0) throw in.corrupt("bad length encoding in a stream");
    long v = 0;
    for (int i = 0; i < bytes; i++) v = (v << 8) | in.readUnsignedByte();
    return v;
  }

  private static byte[] idBytes(long ms, long seq) {
    byte[] k = new byte[16];
    for (int i = 0; i < 8; i++) {
      k[i] = (byte) (ms >>> (56 - 8 * i));
      k[8 + i] = (byte) (seq >>> (56 - 8 * i));
    }
    return k;
  }

  private static StreamId decodeId(byte[] k) {
    long ms = 0, seq = 0;
    for (int i = 0; i < 8; i++) {
      ms = (ms << 8) | (k[i] & 0xff);
      seq = (seq << 8) | (k[8 + i] & 0xff);
    }
    return new StreamId(ms, seq);
  }
}
