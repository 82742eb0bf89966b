package io.redline.command.sort;

import io.redline.store.list.ListValue;
import io.redline.store.set.SetValue;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;
import java.util.Arrays;

/**
 * Reads the elements SORT works on out of a list, set or sorted set. The arrays returned are
 * never modified by the caller: list elements are copies, set and sorted-set members are the
 * stored arrays, which those values never change in place.
 */
final class SortSource {
  private SortSource() {}

  static int size(Object v) {
    if (v instanceof ListValue l) return l.size();
    if (v instanceof SetValue s) return s.size();
    if (v instanceof ZSetValue z) return z.size();
    return 0; // a missing key sorts as an empty list
  }

  /**
   * Every element: a list in its order, a set in its iteration order, a sorted set ascending.
   * (Redis walks a sorted set's hash table here; the order only shows where the sort leaves ties,
   * which it does only for ALPHA with BY, and Redis leaves that order unspecified.)
   */
  static byte[][] all(Object v) {
    int n = size(v);
    byte[][] out = new byte[n][];
    if (v instanceof ListValue l) {
      l.scan(0, true, (i, b, off, len) -> {
        out[i] = Arrays.copyOfRange(b, off, off + len);
        return true;
      });
    } else if (v instanceof SetValue s) {
      int[] k = {0};
      s.forEach(m -> out[k[0]++] = m);
    } else if (v instanceof ZSetValue z) {
      int[] k = {0};
      z.forEach((m, score) -> out[k[0]++] = m);
    }
    return out;
  }

  /**
   * BY nosort on a list or sorted set: {@code count} elements in the value's own order, the
   * first being the {@code start}-th from the head, or with {@code desc} from the tail (the
   * highest score), walking the other way. The caller keeps {@code start + count <= size}.
   */
  static byte[][] range(Object v, int start, int count, boolean desc) {
    byte[][] out = new byte[count][];
    if (count == 0) return out;
    if (v instanceof ListValue l) {
      int[] k = {0};
      l.scan(desc ? l.size() - 1 - start : start, !desc, (i, b, off, len) -> {
        out[k[0]++] = Arrays.copyOfRange(b, off, off + len);
        return k[0] < count;
      });
    } else {
      ScoredList members = new ScoredList(count);
      ZSetRanges.byRank((ZSetValue) v, start, (long) start + count - 1, desc, members);
      for (int i = 0; i < count; i++) out[i] = members.member(i);
    }
    return out;
  }
}
