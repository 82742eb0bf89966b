package io.redline.store.set;

import io.redline.store.RedisValue;
import io.redline.store.StoredValue;
import io.redline.store.hash.FieldTable;
import io.redline.util.RedisNumbers;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A set value in one of Redis 7.0's two encodings (7.0 has no listpack sets), switched one way
 * only, at the moments Redis switches, so OBJECT ENCODING agrees with Redis:
 * <ul>
 *   <li>"intset" ({@link IntSet}): while every member is a canonical 64-bit integer (Redis's
 *       string2ll: no '+', no leading zeros, no "-0") and there are at most
 *       set-max-intset-entries of them; iteration is ascending numeric order, as in Redis;
 *   <li>"hashtable" ({@link FieldTable} without values) after that.
 * </ul>
 * Members of the table form are owned by the set and never modified in place.
 */
public final class SetValue implements RedisValue, StoredValue {
  private IntSet ints; // intset encoding; null once converted
  private FieldTable table; // hashtable encoding

  private SetValue(IntSet ints, FieldTable table) {
    this.ints = ints;
    this.table = table;
  }

  /** An empty intset, which the first non-integer member converts (SINTERSTORE's destination). */
  public static SetValue emptyIntset() { return new SetValue(new IntSet(), null); }

  /**
   * A set loaded from an RDB intset blob: {@code sorted} distinct ascending values that fit
   * {@code width} bytes (2, 4 or 8), kept at that width as Redis keeps it; converted to a table
   * when there are more than {@code maxIntset}, as Redis converts on load.
   */
  public static SetValue fromIntset(long[] sorted, int width, long maxIntset) {
    SetValue s = new SetValue(IntSet.of(sorted, width), null);
    if (sorted.length > maxIntset) s.convert();
    return s;
  }

  /** Redis's setTypeCreate: the encoding a new set gets from its first member. */
  public static SetValue forFirstMember(byte[] b, int off, int len) {
    return RedisNumbers.isLong(b, off, len) ? emptyIntset() : new SetValue(null, new FieldTable(false, 0));
  }

  @Override
  public String typeName() { return "set"; }

  @Override
  public String encoding() { return ints != null ? "intset" : "hashtable"; }

  @Override
  public SetValue copy() {
    return ints != null ? new SetValue(ints.copy(), null) : new SetValue(null, table.copy());
  }

  public boolean isIntset() { return ints != null; }

  public int size() { return ints != null ? ints.size() : table.size(); }

  /** The hashtable form, or null while the set is an intset. */
  public FieldTable table() { return table; }

  public boolean contains(byte[] b, int off, int len) {
    if (table != null) return table.contains(b, off, len);
    return RedisNumbers.isLong(b, off, len) && ints.contains(RedisNumbers.parseLong(b, off, len));
  }

  public boolean contains(byte[] m) { return contains(m, 0, m.length); }

  /**
   * Adds a member given as a slice (copied only if the table keeps it); true when it was absent.
   * An intset converts on a non-integer member, or when it grows past {@code maxIntset}.
   */
  public boolean add(byte[] b, int off, int len, long maxIntset) {
    return add(b, off, len, maxIntset, false);
  }

  /** Adds a member whose array the set may keep (one never modified, e.g. another set's member). */
  public boolean add(byte[] m, long maxIntset) { return add(m, 0, m.length, maxIntset, true); }

  private boolean add(byte[] b, int off, int len, long maxIntset, boolean keepArray) {
    if (ints != null) {
      if (RedisNumbers.isLong(b, off, len)) {
        if (!ints.add(RedisNumbers.parseLong(b, off, len))) return false;
        if (ints.size() > maxIntset) convert();
        return true;
      }
      convert();
    }
    if (table.contains(b, off, len)) return false;
    table.addAbsent(keepArray ? b : Arrays.copyOfRange(b, off, off + len), null);
    return true;
  }

  /** Removes a member; true when it was there. The encoding never changes back. */
  public boolean remove(byte[] b, int off, int len) {
    if (table != null) return table.remove(b, off, len);
    return RedisNumbers.isLong(b, off, len) && ints.remove(RedisNumbers.parseLong(b, off, len));
  }

  public boolean remove(byte[] m) { return remove(m, 0, m.length); }

  private void convert() {
    FieldTable t = new FieldTable(false, ints.size() + 1);
    // longToBytes may share its arrays: fine, members are never modified in place.
    for (int i = 0, n = ints.size(); i < n; i++) t.addAbsent(RedisNumbers.longToBytes(ints.get(i)), null);
    table = t;
    ints = null;
  }

  /** Visits every member: ascending for an intset, table order otherwise. Must not change the set. */
  public void forEach(Consumer<byte[]> v) {
    if (ints != null) {
      for (int i = 0, n = ints.size(); i < n; i++) v.accept(RedisNumbers.longToBytes(ints.get(i)));
    } else {
      table.forEach(n -> v.accept(n.key()));
    }
  }

  /** Visits members in {@link #forEach} order until the visitor says stop; false when it stopped early. */
  public boolean forEachWhile(Predicate<byte[]> v) {
    if (table != null) return table.forEachWhile(n -> v.test(n.key()));
    for (int i = 0, n = ints.size(); i < n; i++) if (!v.test(RedisNumbers.longToBytes(ints.get(i)))) return false;
    return true;
  }

  /** An intset's bytes per member (2, 4 or 8), which only grows, as in Redis: RDB and DUMP write it. */
  public int intsetWidth() { return ints.width(); }

  /** The i-th smallest member of an intset, as a number. */
  public long intsetValue(int i) { return ints.get(i); }

  /** The i-th smallest member of an intset. */
  public byte[] intsetMember(int i) { return RedisNumbers.longToBytes(ints.get(i)); }

  /** Every member, in {@link #forEach} order. */
  public byte[][] toArray() {
    byte[][] out = new byte[size()][];
    int[] i = {0};
    forEach(m -> out[i[0]++] = m);
    return out;
  }

  /** A random member (sets are never empty while stored). */
  public byte[] random() {
    if (ints != null) return RedisNumbers.longToBytes(ints.get(ThreadLocalRandom.current().nextInt(ints.size())));
    return table.random().key();
  }

  /** Removes and returns a random member. */
  public byte[] pop() {
    if (ints != null) {
      int i = ThreadLocalRandom.current().nextInt(ints.size());
      byte[] m = RedisNumbers.longToBytes(ints.get(i));
      ints.removeAt(i);
      return m;
    }
    FieldTable.Node n = table.random();
    table.remove(n);
    return n.key();
  }
}
