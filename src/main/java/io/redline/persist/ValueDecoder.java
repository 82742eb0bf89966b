package io.redline.persist;

import io.redline.store.StringValue;
import io.redline.store.hash.HashValue;
import io.redline.store.list.ListValue;
import io.redline.store.set.SetValue;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a value of any RDB type Redis 7.0 loads (RDB 1 to 10: plain, ziplist, zipmap, intset,
 * listpack and quicklist encodings) into Redline's stored form, picking the encoding Redis 7.0
 * picks when it loads the same data with the same limits (e.g. a small hashtable-encoded hash
 * becomes a listpack, a listpack past hash-max-listpack-entries a hashtable).
 *
 * <p>Everything is validated; a duplicate member, a NaN score, a malformed blob or a type with
 * no reader is an {@link RdbFormatException}, and nothing half-built escapes. An empty
 * collection reads as null (Redis skips such keys).
 */
public final class ValueDecoder {
  /** The encoding thresholds a loaded value is judged by (the server's current config). */
  public record Limits(long hashMaxEntries, long hashMaxValue, long zsetMaxEntries, long zsetMaxValue, long setMaxIntset) {
    /** Redis 7.0's defaults. */
    public static final Limits DEFAULTS = new Limits(512, 64, 128, 64, 512);
  }

  private final Limits limits;

  public ValueDecoder(Limits limits) { this.limits = limits; }

  public Object read(int type, RdbInput in) throws IOException {
    switch (type) {
      case RdbTypes.STRING -> {
        return StringValue.of(in.readString());
      }
      case RdbTypes.LIST -> {
        long n = in.readCount(1);
        ListValue list = new ListValue();
        for (long i = 0; i < n; i++) list.push(false, in.readString());
        return list.isEmpty() ? null : list;
      }
      case RdbTypes.LIST_ZIPLIST -> {
        return listOf(LegacyEncodings.ziplist(in.readString()));
      }
      case RdbTypes.LIST_QUICKLIST, RdbTypes.LIST_QUICKLIST_2 -> {
        return quicklist(type, in);
      }
      case RdbTypes.SET -> {
        long n = in.readCount(1);
        SetValue set = SetValue.emptyIntset();
        for (long i = 0; i < n; i++) {
          if (!set.add(in.readString(), limits.setMaxIntset())) throw in.corrupt("duplicate set members");
        }
        return set.size() == 0 ? null : set;
      }
      case RdbTypes.SET_INTSET -> {
        byte[] blob = in.readString();
        long[] members = LegacyEncodings.intset(blob);
        return SetValue.fromIntset(members, LegacyEncodings.intsetWidth(blob), limits.setMaxIntset());
      }
      case RdbTypes.ZSET, RdbTypes.ZSET_2 -> {
        long n = in.readCount(type == RdbTypes.ZSET_2 ? 9 : 2);
        ScoredList list = new ScoredList((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
          byte[] m = in.readString();
          double score = type == RdbTypes.ZSET_2 ? in.readBinaryDouble() : in.readTextDouble();
          if (score != score) throw in.corrupt("sorted set with a NaN score");
          list.add(m, score);
        }
        return zsetOf(list, limits.zsetMaxValue(), in);
      }
      case RdbTypes.ZSET_ZIPLIST -> {
        List<byte[]> items = LegacyEncodings.ziplist(in.readString());
        if (items.size() % 2 != 0) throw in.corrupt("sorted set ziplist with an odd number of entries");
        ScoredList list = new ScoredList(items.size() / 2 + 1);
        for (int i = 0; i < items.size(); i += 2) {
          byte[] s = items.get(i + 1);
          double score = io.redline.util.RedisNumbers.parseRangeDouble(s, 0, s.length);
          if (score != score) throw in.corrupt("sorted set ziplist score is not a number");
          list.add(items.get(i), score);
        }
        return zsetOf(list, Long.MAX_VALUE, in);
      }
      case RdbTypes.ZSET_LISTPACK -> {
        ListpackReader r = new ListpackReader(in.readString());
        if (r.count() % 2 != 0) throw in.corrupt("sorted set listpack with an odd number of entries");
        ScoredList list = new ScoredList(r.count() / 2 + 1);
        while (r.next()) {
          byte[] m = r.bytes();
          r.next();
          list.add(m, r.score());
        }
        return zsetOf(list, Long.MAX_VALUE, in);
      }
      case RdbTypes.HASH -> {
        long n = in.readCount(2);
        HashValue h = new HashValue();
        for (long i = 0; i < n; i++) put(h, in.readString(), in.readString(), limits.hashMaxValue(), in);
        return h.size() == 0 ? null : h;
      }
      case RdbTypes.HASH_ZIPMAP -> {
        return hashOf(LegacyEncodings.zipmap(in.readString()), limits.hashMaxValue(), in);
      }
      case RdbTypes.HASH_ZIPLIST -> {
        return hashOf(LegacyEncodings.ziplist(in.readString()), Long.MAX_VALUE, in);
      }
      case RdbTypes.HASH_LISTPACK -> {
        ListpackReader r = new ListpackReader(in.readString());
        if (r.count() % 2 != 0) throw in.corrupt("hash listpack with an odd number of entries");
        HashValue h = new HashValue();
        while (r.next()) {
          byte[] f = r.bytes();
          r.next();
          put(h, f, r.bytes(), Long.MAX_VALUE, in);
        }
        return h.size() == 0 ? null : h;
      }
      default -> {
        ValueCodec c = ValueCodecs.reading(type);
        if (c == null) {
          throw in.corrupt(type == RdbTypes.STREAM_LISTPACKS || type == RdbTypes.STREAM_LISTPACKS_2
              ? "a stream value, and no module that reads streams is loaded"
              : "RDB value type " + type + " cannot be loaded (module data or an unknown type)");
        }
        return c.read(type, in);
      }
    }
  }

  private Object quicklist(int type, RdbInput in) throws IOException {
    long nodes = in.readCount(2);
    ListValue list = new ListValue();
    for (long i = 0; i < nodes; i++) {
      int container = RdbTypes.CONTAINER_PACKED;
      if (type == RdbTypes.LIST_QUICKLIST_2) {
        long c = in.readLength();
        if (c != RdbTypes.CONTAINER_PACKED && c != RdbTypes.CONTAINER_PLAIN) throw in.corrupt("quicklist integrity check failed");
        container = (int) c;
      }
      byte[] data = in.readString();
      if (data.length == 0) throw in.corrupt("empty quicklist node");
      if (container == RdbTypes.CONTAINER_PLAIN) {
        list.push(false, data);
      } else if (type == RdbTypes.LIST_QUICKLIST_2) {
        ListpackReader r = new ListpackReader(data);
        while (r.next()) list.push(false, r.bytes());
      } else {
        for (byte[] e : LegacyEncodings.ziplist(data)) list.push(false, e);
      }
    }
    return list.isEmpty() ? null : list; // empty nodes are skipped; an empty list is an empty key
  }

  private static Object listOf(List<byte[]> items) {
    if (items.isEmpty()) return null;
    ListValue list = new ListValue();
    for (byte[] e : items) list.push(false, e);
    return list;
  }

  /**
   * A sorted set from loaded pairs: sorted (a listpack from the file is trusted for nothing),
   * members checked for duplicates, compact if it has at most zset-max-listpack-entries members
   * none longer than {@code maxValue}.
   */
  private Object zsetOf(ScoredList list, long maxValue, RdbInput in) throws RdbFormatException {
    if (list.size() == 0) return null;
    Set<ByteBuffer> seen = new HashSet<>(list.size() * 2);
    for (int i = 0; i < list.size(); i++) {
      if (!seen.add(ByteBuffer.wrap(list.member(i)))) throw in.corrupt("duplicate sorted set members");
    }
    list.sortByScore();
    return ZSetValue.fromSorted(list, new ZSetLimits(limits.zsetMaxEntries(), maxValue));
  }

  private Object hashOf(List<byte[]> flat, long maxValue, RdbInput in) throws RdbFormatException {
    if (flat.size() % 2 != 0) throw in.corrupt("hash with an odd number of entries");
    if (flat.isEmpty()) return null;
    HashValue h = new HashValue();
    for (int i = 0; i < flat.size(); i += 2) put(h, flat.get(i), flat.get(i + 1), maxValue, in);
    return h;
  }

  private void put(HashValue h, byte[] field, byte[] value, long maxValue, RdbInput in) throws RdbFormatException {
    if (!h.set(field, value, limits.hashMaxEntries(), maxValue)) throw in.corrupt("duplicate hash fields");
  }
}
