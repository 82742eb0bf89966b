package io.redline.store.hash;

import io.redline.store.RedisValue;
import io.redline.store.StoredValue;
import java.util.Arrays;

/**
 * A hash value in one of Redis 7.0's two encodings, switched one way only, at the moments Redis
 * switches, so OBJECT ENCODING agrees with Redis for the same commands:
 * <ul>
 *   <li>"listpack": one exactly-sized byte array holding {@code field0, value0, field1, value1,
 *       ...} in insertion order, each as a varint length and its bytes, searched linearly — like
 *       Redis's listpack, a small hash is one allocation, not two arrays per pair (issue 7's
 *       bytes-per-key: 10-field hashes went from ~920 to ~400 bytes);
 *   <li>"hashtable": a {@link FieldTable}, once a field or value is longer than
 *       hash-max-listpack-value or the hash has more than hash-max-listpack-entries fields.
 * </ul>
 * Reads of a listpack hash return fresh copies; the hashtable's arrays are owned by the hash and
 * never modified in place.
 */
public final class HashValue implements RedisValue, StoredValue {
  private static final byte[] EMPTY = new byte[0];

  private byte[] packed; // listpack encoding; null once converted
  private int count; // pairs in packed
  private FieldTable table; // hashtable encoding

  /** A new, empty hash: listpack, as Redis creates every hash. */
  public HashValue() {
    this.packed = EMPTY;
  }

  private HashValue(byte[] packed, int count, FieldTable table) {
    this.packed = packed;
    this.count = count;
    this.table = table;
  }

  @Override
  public String typeName() { return "hash"; }

  @Override
  public String encoding() { return packed != null ? "listpack" : "hashtable"; }

  @Override
  public HashValue copy() {
    return packed != null ? new HashValue(packed, count, null) : new HashValue(null, 0, table.copy());
  }

  public boolean isListpack() { return packed != null; }

  public int size() { return packed != null ? count : table.size(); }

  /** Bytes of the listpack form (memory accounting), 0 for a hashtable. */
  public int packedBytes() { return packed != null ? packed.length : 0; }

  /** The hashtable form, or null while the hash is a listpack. */
  public FieldTable table() { return table; }

  // ---- the packed form: [varint len][bytes] per field and per value --------------------------

  private static int lengthAt(byte[] p, int pos) {
    int len = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = p[pos++];
      len |= (b & 0x7f) << shift;
      if (b >= 0) return len;
    }
  }

  private static int varintSize(int len) {
    int n = 1;
    while ((len >>>= 7) != 0) n++;
    return n;
  }

  /** Position just after the entry (length + bytes) starting at {@code pos}. */
  private static int skip(byte[] p, int pos) {
    int len = lengthAt(p, pos);
    return pos + varintSize(len) + len;
  }

  private static byte[] entryBytes(byte[] p, int pos) {
    int len = lengthAt(p, pos);
    int from = pos + varintSize(len);
    return java.util.Arrays.copyOfRange(p, from, from + len);
  }

  private static int putEntry(byte[] dst, int pos, byte[] b) {
    int len = b.length;
    while ((len & ~0x7f) != 0) {
      dst[pos++] = (byte) ((len & 0x7f) | 0x80);
      len >>>= 7;
    }
    dst[pos++] = (byte) len;
    System.arraycopy(b, 0, dst, pos, b.length);
    return pos + b.length;
  }

  /** Byte position of the pair whose field is the slice, or -1. */
  private int indexOf(byte[] b, int off, int len) {
    byte[] p = packed;
    int pos = 0;
    for (int i = 0; i < count; i++) {
      int flen = lengthAt(p, pos);
      int from = pos + varintSize(flen);
      if (flen == len && Arrays.equals(p, from, from + len, b, off, off + len)) return pos;
      pos = skip(p, from + flen);
    }
    return -1;
  }

  /** Byte position of the i-th pair. */
  private int pairAt(int i) {
    int pos = 0;
    for (int k = 0; k < i; k++) pos = skip(packed, skip(packed, pos));
    return pos;
  }

  // ---- operations ------------------------------------------------------------------------------

  /** The value of a field given as a slice, or null when absent. */
  public byte[] get(byte[] b, int off, int len) {
    if (packed == null) return table.get(b, off, len);
    int at = indexOf(b, off, len);
    return at < 0 ? null : entryBytes(packed, skip(packed, at));
  }

  public boolean contains(byte[] b, int off, int len) {
    return packed == null ? table.contains(b, off, len) : indexOf(b, off, len) >= 0;
  }

  /**
   * Sets a field; true when the field is new. As Redis 7.0's hashTypeSet: a field or value longer
   * than {@code maxValue} converts first, and a listpack with more than {@code maxEntries} fields
   * afterwards converts too, an update included. The hashtable keeps the arrays given.
   */
  public boolean set(byte[] field, byte[] value, long maxEntries, long maxValue) {
    if (packed != null && (field.length > maxValue || value.length > maxValue)) convert();
    boolean added;
    if (packed == null) {
      added = table.put(field, value);
    } else {
      int at = indexOf(field, 0, field.length);
      added = at < 0;
      if (added) {
        byte[] p = Arrays.copyOf(packed, packed.length + varintSize(field.length) + field.length
            + varintSize(value.length) + value.length);
        putEntry(p, putEntry(p, packed.length, field), value);
        packed = p;
        count++;
      } else {
        int valueAt = skip(packed, at);
        int valueEnd = skip(packed, valueAt);
        int newEntry = varintSize(value.length) + value.length;
        byte[] p = new byte[packed.length - (valueEnd - valueAt) + newEntry];
        System.arraycopy(packed, 0, p, 0, valueAt);
        int end = putEntry(p, valueAt, value);
        System.arraycopy(packed, valueEnd, p, end, packed.length - valueEnd);
        packed = p;
      }
    }
    if (packed != null && count > maxEntries) convert();
    return added;
  }

  /** Deletes a field; true when it was there. The encoding never changes back. */
  public boolean remove(byte[] b, int off, int len) {
    if (packed == null) return table.remove(b, off, len);
    int at = indexOf(b, off, len);
    if (at < 0) return false;
    int end = skip(packed, skip(packed, at));
    byte[] p = new byte[packed.length - (end - at)];
    System.arraycopy(packed, 0, p, 0, at);
    System.arraycopy(packed, end, p, at, packed.length - end);
    packed = p;
    count--;
    return true;
  }

  private void convert() {
    FieldTable t = new FieldTable(true, count);
    forEach(t::addAbsent);
    table = t;
    packed = null;
    count = 0;
  }

  /** Receives field/value pairs. */
  @FunctionalInterface
  public interface PairVisitor {
    void visit(byte[] field, byte[] value);
  }

  /** Visits every pair: listpack order (insertion order), or table order. */
  public void forEach(PairVisitor v) {
    if (packed != null) {
      byte[] p = packed;
      int pos = 0;
      for (int i = 0; i < count; i++) {
        int valueAt = skip(p, pos);
        v.visit(entryBytes(p, pos), entryBytes(p, valueAt));
        pos = skip(p, valueAt);
      }
    } else {
      table.forEach(n -> v.visit(n.key(), n.value()));
    }
  }

  /** The i-th field of a listpack (0-based, in order). */
  public byte[] listpackField(int i) { return entryBytes(packed, pairAt(i)); }

  /** The i-th value of a listpack. */
  public byte[] listpackValue(int i) { return entryBytes(packed, skip(packed, pairAt(i))); }
}
