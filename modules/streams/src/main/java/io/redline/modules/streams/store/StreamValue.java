package io.redline.modules.streams.store;

import io.redline.protocol.Args;
import io.redline.store.RedisValue;
import io.redline.store.StoredValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream: packed {@link EntryBlock}s in an ordered map keyed by each block's first ID (Redis
 * uses a radix tree of listpacks keyed the same way), plus the bookkeeping Redis 7.0 keeps —
 * last generated ID, largest deleted ID, entries ever added — and the consumer groups.
 *
 * <p>Blocks fill up exactly as Redis's nodes do (stream-node-max-entries, and
 * stream-node-max-bytes against Redis's own listpack size), so node-level effects visible to
 * clients — MAXLEN ~ trimming whole nodes, XINFO's radix-tree-keys — match.
 */
public final class StreamValue implements RedisValue, StoredValue {
  /** Redis's STREAM_LISTPACK_MAX_SIZE: no node, and no entry's fields and values together, exceed it. */
  public static final long LISTPACK_MAX_SIZE = 1L << 30;

  private final TreeMap<StreamId, EntryBlock> blocks = new TreeMap<>();
  private EntryBlock tail;
  private long length;
  private StreamId lastId = StreamId.MIN;
  private StreamId maxDeletedId = StreamId.MIN;
  private long entriesAdded;
  private TreeMap<byte[], ConsumerGroup> groups;

  @Override
  public String typeName() { return "stream"; }

  @Override
  public String encoding() { return "stream"; }

  public long length() { return length; }
  public StreamId lastId() { return lastId; }
  public StreamId maxDeletedId() { return maxDeletedId; }
  public long entriesAdded() { return entriesAdded; }

  /** XSETID: the stream's bookkeeping, checked by the caller. */
  public void setIds(StreamId last, long added, StreamId maxDeleted) {
    lastId = last;
    if (added >= 0) entriesAdded = added;
    if (maxDeleted != null) maxDeletedId = maxDeleted;
  }

  // ---- adding --------------------------------------------------------------------------------

  /**
   * Appends an entry with ID {@code id} (greater than {@link #lastId}, checked by the caller) and
   * the pairs a[from..from+2*pairs). {@code elementBytes} is the total length of those fields and
   * values (Redis counts it against the tail node's byte limit before appending).
   */
  public void append(StreamId id, Args a, int from, int pairs, long elementBytes, long nodeMaxBytes, long nodeMaxEntries) {
    if (tail != null) {
      long maxBytes = nodeMaxBytes == 0 || nodeMaxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : nodeMaxBytes;
      if (tail.listpackBytes() + elementBytes >= maxBytes || (nodeMaxEntries != 0 && tail.entries() >= nodeMaxEntries)) {
        tail.shrink();
        tail = null;
      }
    }
    if (tail == null) {
      tail = EntryBlock.start(id.ms(), id.seq(), a, from, pairs);
      blocks.put(id, tail);
    }
    tail.append(id.ms(), id.seq(), a, from, pairs);
    length++;
    entriesAdded++;
    lastId = id;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The live entries from {@code start} to {@code end} (inclusive), in ID order or reversed. */
  public StreamCursor cursor(StreamId start, StreamId end, boolean reverse) {
    return new StreamCursor(blocks, start, end, reverse);
  }

  /** The first live entry's ID, or 0-0 when there is none (XINFO's recorded-first-entry-id). */
  public StreamId firstId() {
    StreamCursor c = cursor(StreamId.MIN, StreamId.MAX, false);
    return c.next() ? c.entry().id() : StreamId.MIN;
  }

  /** The last live entry's ID, or null when there is none (Redis's streamLastValidID). */
  public StreamId lastValidId() {
    if (tail != null && tail.lastIsLive()) return new StreamId(tail.lastMs, tail.lastSeq);
    StreamCursor c = cursor(StreamId.MIN, StreamId.MAX, true);
    return c.next() ? c.entry().id() : null;
  }

  public boolean exists(StreamId id) { return cursor(id, id, false).next(); }

  // ---- deleting ------------------------------------------------------------------------------

  /** XDEL of one ID: false if no live entry has it. */
  public boolean delete(StreamId id) {
    Map.Entry<StreamId, EntryBlock> e = blocks.floorEntry(id);
    if (e == null) return false;
    EntryBlock b = e.getValue();
    EntryView v = new EntryView();
    for (int pos = b.firstOffset(); pos < b.endOffset(); ) {
      int at = pos;
      pos = b.skim(at, v);
      int c = StreamId.compare(v.ms, v.seq, id.ms(), id.seq());
      if (c > 0) return false;
      if (c < 0) continue;
      if (!b.markDeleted(at)) return false;
      length--;
      if (b.live == 0) dropBlock(e.getKey());
      if (id.compareTo(maxDeletedId) > 0) maxDeletedId = id;
      return true;
    }
    return false;
  }

  /**
   * XTRIM / XADD's trimming, as Redis 7.0's streamTrim: drops whole blocks while that keeps at
   * least {@code maxlen} entries (MAXLEN) or their last entry is below {@code minId} (MINID); then,
   * unless {@code approx}, marks entries of the next block deleted one by one. {@code limit}
   * (0 = none) caps the entries removed. Returns how many were removed.
   */
  public long trim(boolean byMaxlen, long maxlen, StreamId minId, boolean approx, long limit) {
    long removed = 0;
    Iterator<EntryBlock> it = blocks.values().iterator();
    while (it.hasNext()) {
      if (byMaxlen && length <= maxlen) break;
      EntryBlock b = it.next();
      long entries = b.live;
      if (limit != 0 && removed + entries > limit) break;
      boolean wholeBlock = byMaxlen ? length - entries >= maxlen
          : StreamId.compare(b.lastMs, b.lastSeq, minId.ms(), minId.seq()) < 0;
      if (wholeBlock) {
        it.remove();
        length -= entries;
        removed += entries;
        continue;
      }
      if (approx) break;
      EntryView v = new EntryView();
      for (int pos = b.firstOffset(); pos < b.endOffset(); ) {
        int at = pos;
        pos = b.skim(at, v);
        boolean stop = byMaxlen ? length <= maxlen : StreamId.compare(v.ms, v.seq, minId.ms(), minId.seq()) >= 0;
        if (stop) break;
        if (b.markDeleted(at)) {
          length--;
          removed++;
        }
      }
      break; // enough was found in this block
    }
    tail = blocks.isEmpty() ? null : blocks.lastEntry().getValue();
    return removed;
  }

  private void dropBlock(StreamId key) {
    blocks.remove(key);
    tail = blocks.isEmpty() ? null : blocks.lastEntry().getValue();
  }

  // ---- consumer groups -----------------------------------------------------------------------

  public ConsumerGroup group(byte[] name) { return groups == null ? null : groups.get(name); }

  /** A new group, or null if one has that name (BUSYGROUP). */
  public ConsumerGroup createGroup(byte[] name, StreamId last, long entriesRead) {
    if (groups == null) groups = new TreeMap<>(Arrays::compareUnsigned);
    if (groups.containsKey(name)) return null;
    ConsumerGroup g = new ConsumerGroup(last, entriesRead);
    groups.put(name, g);
    return g;
  }

  public boolean destroyGroup(byte[] name) { return groups != null && groups.remove(name) != null; }

  /** Groups in name order (byte order, as Redis lists them). */
  public Collection<Map.Entry<byte[], ConsumerGroup>> groups() {
    return groups == null ? java.util.List.of() : groups.entrySet();
  }

  public int groupCount() { return groups == null ? 0 : groups.size(); }

  // ---- read counters and lag (Redis 7.0) -----------------------------------------------------

  /** Whether a deleted entry (a tombstone) may lie between {@code start} and {@code end} (null: open). */
  public boolean hasTombstones(StreamId start, StreamId end) {
    if (length == 0 || maxDeletedId.isZero()) return false;
    if (firstId().compareTo(maxDeletedId) > 0) return false;
    StreamId from = start == null ? StreamId.MIN : start;
    StreamId to = end == null ? StreamId.MAX : end;
    return from.compareTo(maxDeletedId) <= 0 && maxDeletedId.compareTo(to) <= 0;
  }

  /** The logical read counter of {@code id} when it can be known, else -1 (streamEstimateDistanceFromFirstEverEntry). */
  public long estimateEntriesRead(StreamId id) {
    if (entriesAdded == 0) return 0;
    if (length == 0 && id.compareTo(lastId) < 1) return entriesAdded;
    int cmpLast = id.compareTo(lastId);
    if (cmpLast == 0) return entriesAdded;
    if (cmpLast > 0) return ConsumerGroup.UNKNOWN_ENTRIES_READ;
    StreamId first = firstId();
    int cmpFirst = id.compareTo(first);
    if (maxDeletedId.isZero() || maxDeletedId.compareTo(first) < 0) {
      if (cmpFirst < 0) return entriesAdded - length;
      if (cmpFirst == 0) return entriesAdded - length + 1;
    }
    return ConsumerGroup.UNKNOWN_ENTRIES_READ;
  }

  /** A group's lag (entries not yet read by it), or -1 when it cannot be known. */
  public long lag(ConsumerGroup g) {
    if (entriesAdded == 0) return 0;
    if (g.entriesRead != ConsumerGroup.UNKNOWN_ENTRIES_READ && !hasTombstones(g.lastId, null)) return entriesAdded - g.entriesRead;
    long read = estimateEntriesRead(g.lastId);
    return read == ConsumerGroup.UNKNOWN_ENTRIES_READ ? -1 : entriesAdded - read;
  }

  /** XREADGROUP delivered {@code id} (beyond the group's last ID): advances the group's counters. */
  public void advanceGroup(ConsumerGroup g, StreamId id) {
    if (g.entriesRead != ConsumerGroup.UNKNOWN_ENTRIES_READ && !hasTombstones(id, null)) {
      g.entriesRead++;
    } else if (entriesAdded != 0) {
      g.entriesRead = estimateEntriesRead(id);
    }
    g.lastId = id;
  }

  // ---- loading and saving (StreamCodec) ------------------------------------------------------

  /** The blocks in ID order. */
  Collection<EntryBlock> blocks() { return blocks.values(); }

  /** Adds a loaded block after the ones added before it (the caller checks the order). */
  void addLoaded(EntryBlock b) {
    blocks.put(new StreamId(b.masterMs, b.masterSeq), b);
    tail = b;
    length += b.live;
  }

  /** Sets the bookkeeping read from a file. */
  void setLoaded(StreamId last, StreamId maxDeleted, long added) {
    lastId = last;
    maxDeletedId = maxDeleted;
    entriesAdded = added;
  }

  // ---- shape ---------------------------------------------------------------------------------

  /** Nodes in Redis's radix tree for this stream (XINFO STREAM radix-tree-keys). */
  public int radixTreeKeys() { return blocks.size(); }

  /** Nodes of that radix tree, inner ones included (radix-tree-nodes). */
  public long radixTreeNodes() { return RadixTreeShape.nodes(blocks.keySet()); }

  /**
   * Heap bytes, estimated from the first {@code samples} blocks and groups (0 = all), scaled:
   * a block is its byte array plus its object, its map node and its key; a pending entry is its
   * object, its ID and a node in each of its two PELs; a consumer its object, name and map node.
   */
  @Override
  public long memoryEstimate(int samples) {
    long total = 72; // this object and its map
    int n = blocks.size();
    int k = samples <= 0 ? n : Math.min(samples, n);
    long sampled = 0;
    Iterator<EntryBlock> it = blocks.values().iterator();
    for (int i = 0; i < k; i++) sampled += 56 + 40 + 24 + align(16 + it.next().capacity());
    if (k > 0) total += (long) ((double) sampled / k * n);
    if (groups != null) {
      int g = groups.size();
      int kg = samples <= 0 ? g : Math.min(samples, g);
      long sampledGroups = 0;
      Iterator<Map.Entry<byte[], ConsumerGroup>> gi = groups.entrySet().iterator();
      for (int i = 0; i < kg; i++) {
        Map.Entry<byte[], ConsumerGroup> e = gi.next();
        ConsumerGroup cg = e.getValue();
        sampledGroups += 40 + 96 + align(16 + e.getKey().length)
            + cg.pending.size() * (32L + 24 + 2 * 40) + cg.consumers.size() * (32L + 40 + 48 + 32);
      }
      if (kg > 0) total += (long) ((double) sampledGroups / kg * g);
    }
    return total;
  }

  private static long align(long n) { return (n + 7) & ~7L; }

  @Override
  public StreamValue copy() {
    StreamValue s = new StreamValue();
    for (Map.Entry<StreamId, EntryBlock> e : blocks.entrySet()) s.blocks.put(e.getKey(), e.getValue().copy());
    s.tail = s.blocks.isEmpty() ? null : s.blocks.lastEntry().getValue();
    s.length = length;
    s.lastId = lastId;
    s.maxDeletedId = maxDeletedId;
    s.entriesAdded = entriesAdded;
    if (groups != null) {
      s.groups = new TreeMap<>(Arrays::compareUnsigned);
      for (Map.Entry<byte[], ConsumerGroup> g : groups.entrySet()) s.groups.put(g.getKey(), g.getValue().copy());
    }
    return s;
  }
}
