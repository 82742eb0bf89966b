package io.redline.store.hash;

import io.redline.store.RedisValue;
import io.redline.store.StoredValue;
import java.util.Arrays;

/**
 * A hash value in one of Redis 7.0's two encodings, switched one way only, at the moments Redis
 * switches, so OBJECT ENCODING agrees with Redis for the same commands:
 * <ul>
 *   <li>"listpack": one exactly-sized array {@code field0, value0, field1, value1, ...} in
 *       insertion order, searched linearly: small hashes cost two references per pair plus the
 *       bytes themselves;
 *   <li>"hashtable": a {@link FieldTable}, once a field or value is longer than
 *       hash-max-listpack-value or the hash has more than hash-max-listpack-entries fields.
 * </ul>
 * Field and value arrays are owned by the hash and never modified in place, so readers may
 * reply with them directly.
 */
public final class HashValue implements RedisValue, StoredValue {
  private static final byte[][] EMPTY = new byte[0][];

  private byte[][] pairs; // listpack encoding; null once converted
  private FieldTable table; // hashtable encoding

  /** A new, empty hash: listpack, as Redis creates every hash. */
  public HashValue() {
    this.pairs = EMPTY;
  }

  private HashValue(byte[][] pairs, FieldTable table) {
    this.pairs = pairs;
    this.table = table;
  }

  @Override
  public String typeName() { return "hash"; }

  @Override
  public String encoding() { return pairs != null ? "listpack" : "hashtable"; }

  @Override
  public HashValue copy() {
    return pairs != null ? new HashValue(pairs.clone(), null) : new HashValue(null, table.copy());
  }

  public boolean isListpack() { return pairs != null; }

  public int size() { return pairs != null ? pairs.length / 2 : table.size(); }

  /** The hashtable form, or null while the hash is a listpack. */
  public FieldTable table() { return table; }

  /** The value of a field given as a slice, or null when absent. */
  public byte[] get(byte[] b, int off, int len) {
    if (pairs == null) return table.get(b, off, len);
    int i = indexOf(b, off, len);
    return i < 0 ? null : pairs[i + 1];
  }

  public boolean contains(byte[] b, int off, int len) {
    return pairs == null ? table.contains(b, off, len) : indexOf(b, off, len) >= 0;
  }

  private int indexOf(byte[] b, int off, int len) {
    byte[][] p = pairs;
    for (int i = 0; i < p.length; i += 2) {
      byte[] f = p[i];
      if (f.length == len && Arrays.equals(f, 0, len, b, off, off + len)) return i;
    }
    return -1;
  }

  /**
   * Sets a field (the hash keeps both arrays); true when the field is new. As Redis 7.0's
   * hashTypeSet: a field or value longer than {@code maxValue} converts first, and a listpack
   * with more than {@code maxEntries} fields afterwards converts too, an update included.
   */
  public boolean set(byte[] field, byte[] value, long maxEntries, long maxValue) {
    if (pairs != null && (field.length > maxValue || value.length > maxValue)) convert();
    boolean added;
    if (pairs == null) {
      added = table.put(field, value);
    } else {
      int i = indexOf(field, 0, field.length);
      added = i < 0;
      if (added) {
        byte[][] p = Arrays.copyOf(pairs, pairs.length + 2);
        p[pairs.length] = field;
        p[pairs.length + 1] = value;
        pairs = p;
      } else {
        pairs[i + 1] = value;
      }
    }
    if (pairs != null && pairs.length / 2 > maxEntries) convert();
    return added;
  }

  /** Deletes a field; true when it was there. The encoding never changes back. */
  public boolean remove(byte[] b, int off, int len) {
    if (pairs == null) return table.remove(b, off, len);
    int i = indexOf(b, off, len);
    if (i < 0) return false;
    byte[][] p = new byte[pairs.length - 2][];
    System.arraycopy(pairs, 0, p, 0, i);
    System.arraycopy(pairs, i + 2, p, i, pairs.length - i - 2);
    pairs = p;
    return true;
  }

  private void convert() {
    FieldTable t = new FieldTable(true, pairs.length / 2);
    for (int i = 0; i < pairs.length; i += 2) t.addAbsent(pairs[i], pairs[i + 1]);
    table = t;
    pairs = null;
  }

  /** Receives field/value pairs. */
  @FunctionalInterface
  public interface PairVisitor {
    void visit(byte[] field, byte[] value);
  }

  /** Visits every pair: listpack order (insertion order), or table order. */
  public void forEach(PairVisitor v) {
    if (pairs != null) {
      for (int i = 0; i < pairs.length; i += 2) v.visit(pairs[i], pairs[i + 1]);
    } else {
      table.forEach(n -> v.visit(n.key(), n.value()));
    }
  }

  /** The i-th field of a listpack (0-based, in order). */
  public byte[] listpackField(int i) { return pairs[2 * i]; }

  /** The i-th value of a listpack. */
  public byte[] listpackValue(int i) { return pairs[2 * i + 1]; }
}
