package io.redline.persist;

import io.redline.store.StringBuilderValue;
import io.redline.store.hash.HashValue;
import io.redline.store.list.ListValue;
import io.redline.store.set.SetValue;
import io.redline.store.zset.ZSetValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes stored values in Redis 7.0's RDB encodings, choosing what Redis would for the same
 * data: a listpack hash or sorted set while Redline keeps it compact, an intset for an intset
 * set, a quicklist of listpacks (cut where Redis's default list-max-listpack-size -2 cuts an
 * RPUSH-built list: 8 KB per node) for every list. Other types go to their {@link ValueCodec}.
 *
 * <p>An instance keeps scratch buffers and is used by one thread at a time.
 */
public final class ValueEncoder {
  /** Redis's quicklist node limit for fill -2, and its per-entry overhead estimate. */
  private static final int NODE_BYTES = 8192;
  private static final int ENTRY_OVERHEAD_ESTIMATE = 8;
  /** Redis's packed_threshold: an element this large gets a plain node of its own. */
  private static final int PLAIN_ELEMENT = 1 << 30;

  private final ListpackWriter lp = new ListpackWriter();

  /** The RDB type id {@code value} is written under; fails for a type nothing can write. */
  public int typeOf(Object value) {
    if (value instanceof byte[] || value instanceof Long || value instanceof StringBuilderValue) return RdbTypes.STRING;
    if (value instanceof ListValue) return RdbTypes.LIST_QUICKLIST_2;
    if (value instanceof SetValue s) return s.isIntset() ? RdbTypes.SET_INTSET : RdbTypes.SET;
    if (value instanceof ZSetValue z) return z.encoding().equals("listpack") ? RdbTypes.ZSET_LISTPACK : RdbTypes.ZSET_2;
    if (value instanceof HashValue h) return h.isListpack() ? RdbTypes.HASH_LISTPACK : RdbTypes.HASH;
    ValueCodec c = ValueCodecs.writing(value);
    if (c == null) throw new IllegalStateException("no RDB encoding for values of " + value.getClass().getName());
    return c.writeType(value);
  }

  /** Writes one key record: expire time (if any), type, key, value. */
  public void writeEntry(RdbOutput out, byte[] key, Object value, long expireAt) {
    if (expireAt != -1) {
      out.writeByte(RdbTypes.OPCODE_EXPIRETIME_MS);
      out.writeLongLE(expireAt);
    }
    out.writeByte(typeOf(value));
    out.writeString(key);
    writeValue(out, value);
  }

  /** Writes the value's payload (everything after the type byte). */
  public void writeValue(RdbOutput out, Object value) {
    if (value instanceof byte[] b) out.writeString(b);
    else if (value instanceof Long l) out.writeLongAsString(l);
    else if (value instanceof StringBuilderValue s) out.writeString(s.array(), 0, s.length());
    else if (value instanceof ListValue l) writeList(out, l);
    else if (value instanceof SetValue s) writeSet(out, s);
    else if (value instanceof ZSetValue z) writeZSet(out, z);
    else if (value instanceof HashValue h) writeHash(out, h);
    else {
      ValueCodec c = ValueCodecs.writing(value);
      if (c == null) throw new IllegalStateException("no RDB encoding for values of " + value.getClass().getName());
      c.write(out, value);
    }
  }

  private void writeList(RdbOutput out, ListValue list) {
    // The node count comes first, so nodes are cut before anything is written.
    List<Object> nodes = new ArrayList<>(); // byte[] listpack, or byte[][] {plain element}
    lp.reset();
    list.scan(0, true, (i, b, off, len) -> {
      if (len >= PLAIN_ELEMENT) {
        if (lp.count() > 0) nodes.add(lp.finish());
        lp.reset();
        nodes.add(new byte[][] {java.util.Arrays.copyOfRange(b, off, off + len)});
        return true;
      }
      if (lp.count() > 0 && (long) lp.bytes() + len + ENTRY_OVERHEAD_ESTIMATE > NODE_BYTES) {
        nodes.add(lp.finish());
        lp.reset();
      }
      lp.add(b, off, len);
      return true;
    });
    if (lp.count() > 0) nodes.add(lp.finish());
    lp.reset();
    out.writeLength(nodes.size());
    for (Object n : nodes) {
      if (n instanceof byte[][] plain) {
        out.writeLength(RdbTypes.CONTAINER_PLAIN);
        out.writeString(plain[0]);
      } else {
        out.writeLength(RdbTypes.CONTAINER_PACKED);
        out.writeString((byte[]) n);
      }
    }
  }

  private static void writeSet(RdbOutput out, SetValue set) {
    if (set.isIntset()) {
      int n = set.size();
      int w = set.intsetWidth();
      byte[] blob = new byte[8 + n * w];
      putLE(blob, 0, w, 4);
      putLE(blob, 4, n, 4);
      for (int i = 0; i < n; i++) putLE(blob, 8 + i * w, set.intsetValue(i), w);
      out.writeString(blob);
      return;
    }
    out.writeLength(set.size());
    set.forEach(out::writeString);
  }

  private void writeZSet(RdbOutput out, ZSetValue z) {
    if (z.encoding().equals("listpack")) {
      lp.reset();
      z.forEach((member, score) -> {
        lp.add(member);
        lp.addScore(score);
      });
      out.writeString(lp.finish());
      lp.reset();
      return;
    }
    // Highest first, as Redis writes a skiplist, so its loader inserts at the head each time.
    int n = z.size();
    out.writeLength(n);
    for (int rank = n - 1; rank >= 0; rank--) {
      byte[] m = z.memberAt(rank);
      out.writeString(m);
      out.writeBinaryDouble(z.score(m));
    }
  }

  private void writeHash(RdbOutput out, HashValue h) {
    if (h.isListpack()) {
      lp.reset();
      h.forEach((f, v) -> {
        lp.add(f);
        lp.add(v);
      });
      out.writeString(lp.finish());
      lp.reset();
      return;
    }
    out.writeLength(h.size());
    h.forEach((f, v) -> {
      out.writeString(f);
      out.writeString(v);
    });
  }

  private static void putLE(byte[] b, int p, long v, int n) {
    for (int i = 0; i < n; i++) b[p + i] = (byte) (v >>> (8 * i));
  }
}
