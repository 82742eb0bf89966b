package io.redline.modules.streams.store;

import io.redline.protocol.Args;
import java.util.Arrays;

/**
 * A run of consecutive stream entries packed into one byte array, as Redis packs them into one
 * listpack per radix-tree node. The block's first entry is its "master": its field names are
 * stored once, and every later entry with the same names stores only its values.
 *
 * <pre>
 * master:  varint n, then n times (varint len, bytes)             field names of the first entry
 * entry:   flags (1 byte: DELETED, SAME_FIELDS)
 *          varint ms-delta, varint zigzag(seq-delta)                  from the master ID
 *          SAME_FIELDS: n times (varint len, value)
 *          otherwise:   varint n, n times (len, field, len, value)
 * </pre>
 *
 * Deleting marks the flag (the bytes stay, as in Redis); a block whose entries are all deleted
 * is dropped by its stream. Besides the bytes, a block keeps the size Redis's listpack for the
 * same entries would have ({@link ListpackSize}), so it fills up exactly when Redis's would.
 */
public final class EntryBlock {
  static final int FLAG_DELETED = 1;
  static final int FLAG_SAME_FIELDS = 2;

  final long masterMs, masterSeq;
  private byte[] data;
  private int size;
  private final int masterFields;
  private final int entriesStart;
  int live, deleted;
  /** The last entry appended, deleted or not: Redis's MINID trimming looks at it. */
  long lastMs, lastSeq;
  private int lastOffset = -1;
  /** Redis's listpack byte size for this node, less its live/deleted counters (which vary). */
  private long listpackBytes;

  private EntryBlock(long ms, long seq, byte[] data, int size, int masterFields, int entriesStart, long listpackBytes) {
    this.masterMs = ms;
    this.masterSeq = seq;
    this.data = data;
    this.size = size;
    this.masterFields = masterFields;
    this.entriesStart = entriesStart;
    this.listpackBytes = listpackBytes;
  }

  /** A new block whose master fields are those of the entry about to be appended (a[from], a[from+2], ...). */
  static EntryBlock start(long ms, long seq, Args a, int from, int pairs) {
    byte[][] fields = new byte[pairs][];
    for (int i = 0; i < pairs; i++) fields[i] = a.bytes(from + 2 * i);
    return start(ms, seq, fields);
  }

  /** A new block with master ID ms-seq and these master field names. */
  static EntryBlock start(long ms, long seq, byte[][] fields) {
    int bytes = 5;
    for (byte[] f : fields) bytes += 5 + f.length;
    byte[] d = new byte[Math.max(64, bytes * 2)];
    int pos = writeVarint(d, 0, fields.length);
    long lp = ListpackSize.ofInt(fields.length) + ListpackSize.ofInt(0); // num-fields ... master terminator
    for (byte[] f : fields) {
      pos = writeVarint(d, pos, f.length);
      System.arraycopy(f, 0, d, pos, f.length);
      pos += f.length;
      lp += ListpackSize.ofString(f, 0, f.length);
    }
    return new EntryBlock(ms, seq, d, pos, fields.length, pos, lp);
  }

  /** The master field names. */
  byte[][] masterFields() {
    byte[][] out = new byte[masterFields][];
    int pos = varintEnd(0);
    for (int i = 0; i < masterFields; i++) {
      int len = (int) readVarint(pos);
      pos = varintEnd(pos);
      out[i] = Arrays.copyOfRange(data, pos, pos + len);
      pos += len;
    }
    return out;
  }

  /** Bytes Redis's listpack for this node would take now. */
  long listpackBytes() {
    return ListpackSize.EMPTY + ListpackSize.ofInt(live) + ListpackSize.ofInt(deleted) + listpackBytes;
  }

  /** Entries in the block, deleted ones included (what stream-node-max-entries counts). */
  int entries() { return live + deleted; }

  public int liveEntries() { return live; }

  /** Appends an entry whose pairs are a[from..from+2*pairs). */
  void append(long ms, long seq, Args a, int from, int pairs) {
    boolean same = sameFields(a, from, pairs);
    int need = 1 + 20 + 5;
    for (int i = 0; i < 2 * pairs; i++) need += 5 + a.length(from + i);
    ensure(need);
    long msDelta = ms - masterMs, seqDelta = seq - masterSeq;
    int flags = same ? FLAG_SAME_FIELDS : 0;
    lastOffset = size;
    data[size++] = (byte) flags;
    size = writeVarint(data, size, msDelta);
    size = writeVarint(data, size, (seqDelta << 1) ^ (seqDelta >> 63));
    long lp = ListpackSize.ofInt(flags) + ListpackSize.ofInt(msDelta) + ListpackSize.ofInt(seqDelta);
    if (!same) {
      size = writeVarint(data, size, pairs);
      lp += ListpackSize.ofInt(pairs);
    }
    byte[] b = a.buffer();
    for (int i = 0; i < pairs; i++) {
      int f = from + 2 * i;
      if (!same) {
        size = put(b, a.offset(f), a.length(f));
        lp += ListpackSize.ofString(b, a.offset(f), a.length(f));
      }
      size = put(b, a.offset(f + 1), a.length(f + 1));
      lp += ListpackSize.ofString(b, a.offset(f + 1), a.length(f + 1));
    }
    lp += ListpackSize.ofInt(pairs + 3 + (same ? 0 : pairs + 1)); // the entry's lp-count element
    listpackBytes += lp;
    live++;
    lastMs = ms;
    lastSeq = seq;
  }

  /** Appends a loaded entry (pairs: field, value, field, value...), deleted or not. */
  void appendLoaded(long ms, long seq, byte[][] pairs, boolean isDeleted) {
    append(ms, seq, Args.of(pairs), 0, pairs.length / 2);
    if (isDeleted) markDeleted(lastOffset);
  }

  /** Whether an entry at {@code offset} stores only values (its names are the master's). */
  boolean sameFieldsAt(int offset) { return (data[offset] & FLAG_SAME_FIELDS) != 0; }

  private boolean sameFields(Args a, int from, int pairs) {
    if (pairs != masterFields) return false;
    int pos = varintEnd(0);
    for (int i = 0; i < pairs; i++) {
      long len = readVarint(pos);
      pos = varintEnd(pos);
      int f = from + 2 * i;
      if (len != a.length(f) || !Arrays.equals(data, pos, pos + (int) len, a.buffer(), a.offset(f), a.offset(f) + a.length(f))) {
        return false;
      }
      pos += (int) len;
    }
    return true;
  }

  /** Drops the spare capacity once the block will take no more entries. */
  void shrink() {
    if (data.length > size) data = Arrays.copyOf(data, size);
  }

  // ---- reading ------------------------------------------------------------------------------

  int firstOffset() { return entriesStart; }

  /** Whether the last entry appended is still live (the common case: no need to scan for the last live one). */
  boolean lastIsLive() { return lastOffset >= 0 && (data[lastOffset] & FLAG_DELETED) == 0; }

  int endOffset() { return size; }

  /** Decodes the entry at {@code offset} into {@code v}; returns the next entry's offset. */
  int decode(int offset, EntryView v) {
    int pos = offset;
    v.data = data;
    v.offset = offset;
    v.flags = data[pos++];
    long msDelta = readVarint(pos);
    pos = varintEnd(pos);
    long z = readVarint(pos);
    pos = varintEnd(pos);
    v.ms = masterMs + msDelta;
    v.seq = masterSeq + ((z >>> 1) ^ -(z & 1));
    if ((v.flags & FLAG_SAME_FIELDS) != 0) {
      v.count = masterFields;
      v.ensure(masterFields);
      int fpos = varintEnd(0);
      for (int i = 0; i < masterFields; i++) {
        fpos = slice(fpos, v.fieldOff, v.fieldLen, i); // fields shared with the master entry
        pos = slice(pos, v.valueOff, v.valueLen, i);
      }
    } else {
      int n = (int) readVarint(pos);
      pos = varintEnd(pos);
      v.count = n;
      v.ensure(n);
      for (int i = 0; i < n; i++) {
        pos = slice(pos, v.fieldOff, v.fieldLen, i);
        pos = slice(pos, v.valueOff, v.valueLen, i);
      }
    }
    return pos;
  }

  /** Only the ID of the entry at {@code offset}: writes it to {@code v.ms/seq/flags}; returns the next offset. */
  int skim(int offset, EntryView v) {
    int pos = offset;
    v.offset = offset;
    v.flags = data[pos++];
    long msDelta = readVarint(pos);
    pos = varintEnd(pos);
    long z = readVarint(pos);
    pos = varintEnd(pos);
    v.ms = masterMs + msDelta;
    v.seq = masterSeq + ((z >>> 1) ^ -(z & 1));
    int n;
    if ((v.flags & FLAG_SAME_FIELDS) != 0) {
      n = masterFields;
    } else {
      n = 2 * (int) readVarint(pos);
      pos = varintEnd(pos);
    }
    for (int i = 0; i < n; i++) {
      int len = (int) readVarint(pos);
      pos = varintEnd(pos) + len;
    }
    return pos;
  }

  /** Offsets of every entry, in order (for walking a block backwards). */
  int[] offsets() {
    int[] out = new int[entries()];
    EntryView v = new EntryView();
    int k = 0;
    for (int pos = entriesStart; pos < size; pos = skim(pos, v)) out[k++] = pos;
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  /** Marks the entry at {@code offset} deleted; false if it already was. */
  boolean markDeleted(int offset) {
    if ((data[offset] & FLAG_DELETED) != 0) return false;
    data[offset] |= FLAG_DELETED;
    live--;
    deleted++;
    return true;
  }

  EntryBlock copy() {
    EntryBlock b = new EntryBlock(masterMs, masterSeq, Arrays.copyOf(data, size), size, masterFields, entriesStart, listpackBytes);
    b.live = live;
    b.deleted = deleted;
    b.lastMs = lastMs;
    b.lastSeq = lastSeq;
    b.lastOffset = lastOffset;
    return b;
  }

  /** Heap bytes of the packed data (for memory figures). */
  int capacity() { return data.length; }

  // ---- varints ------------------------------------------------------------------------------

  private void ensure(int extra) {
    if (size + extra > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
  }

  private int put(byte[] src, int off, int len) {
    int pos = writeVarint(data, size, len);
    System.arraycopy(src, off, data, pos, len);
    return pos + len;
  }

  private static int writeVarint(byte[] d, int pos, long v) {
    while ((v & ~0x7FL) != 0) {
      d[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    d[pos++] = (byte) v;
    return pos;
  }

  private long readVarint(int pos) {
    long v = 0;
    int shift = 0;
    byte b;
    do {
      b = data[pos++];
      v |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return v;
  }

  private int varintEnd(int pos) {
    while (data[pos] < 0) pos++;
    return pos + 1;
  }

  /** Reads the length-prefixed bytes at {@code pos} into slot {@code i} of off/len; returns the position after them. */
  private int slice(int pos, int[] off, int[] len, int i) {
    int n = (int) readVarint(pos);
    pos = varintEnd(pos);
    off[i] = pos;
    len[i] = n;
    return pos + n;
  }
}
