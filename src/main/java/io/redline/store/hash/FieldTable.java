package io.redline.store.hash;

import io.redline.store.Dict;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The "hashtable" encoding of hashes and of sets: chained buckets keyed by byte strings, with a
 * value per key for hashes and none for sets (Redis's set dict also has NULL values; here a set's
 * nodes simply lack the value field, 8 bytes less per member).
 *
 * <p>Written rather than using {@code HashMap<ByteKey, byte[]>} for the same reasons as the
 * keyspace {@link Dict}: lookups straight from a request-buffer slice, cheap random picks
 * (SPOP, SRANDMEMBER, HRANDFIELD) and a reverse-binary scan cursor that keeps HSCAN/SSCAN's
 * guarantee across resizes.
 */
public final class FieldTable {
  private static final int MIN_SIZE = 4;

  /** A key; the node type of value-less (set) tables. */
  public static class Node {
    final byte[] key;
    final int hash;
    Node next;

    Node(byte[] key, int hash) {
      this.key = key;
      this.hash = hash;
    }

    public final byte[] key() { return key; }

    /** The value of a hash field; null in a set. */
    public byte[] value() { return null; }
  }

  private static final class ValueNode extends Node {
    byte[] value;

    ValueNode(byte[] key, int hash, byte[] value) {
      super(key, hash);
      this.value = value;
    }

    @Override
    public byte[] value() { return value; }
  }

  /** Receives the nodes an iteration or scan step visits; it must not change the table. */
  @FunctionalInterface
  public interface Visitor {
    void visit(Node n);
  }

  private final boolean withValues;
  private Node[] table;
  private int size;

  /** An empty table; {@code expected} entries fit without a resize. */
  public FieldTable(boolean withValues, int expected) {
    this.withValues = withValues;
    int n = MIN_SIZE;
    while (n < expected && n < (1 << 30)) n <<= 1;
    this.table = new Node[n];
  }

  public int size() { return size; }
  public boolean hasValues() { return withValues; }

  public Node find(byte[] b, int off, int len) {
    int h = Dict.hash(b, off, len);
    for (Node e = table[h & (table.length - 1)]; e != null; e = e.next) {
      if (e.hash == h && e.key.length == len && Arrays.equals(e.key, 0, len, b, off, off + len)) return e;
    }
    return null;
  }

  public boolean contains(byte[] b, int off, int len) { return find(b, off, len) != null; }

  /** A field's value, or null when absent. */
  public byte[] get(byte[] b, int off, int len) {
    Node n = find(b, off, len);
    return n == null ? null : n.value();
  }

  /** Sets a hash field (the table keeps both arrays); true when the field is new. */
  public boolean put(byte[] key, byte[] value) {
    Node n = find(key, 0, key.length);
    if (n != null) {
      ((ValueNode) n).value = value;
      return false;
    }
    insert(new ValueNode(key, Dict.hash(key, 0, key.length), value));
    return true;
  }

  /** Adds a set member (the table keeps the array); true when it was absent. */
  public boolean add(byte[] key) {
    if (find(key, 0, key.length) != null) return false;
    insert(new Node(key, Dict.hash(key, 0, key.length)));
    return true;
  }

  /** Adds a key known to be absent (conversions, copies). */
  public void addAbsent(byte[] key, byte[] value) {
    int h = Dict.hash(key, 0, key.length);
    insert(withValues ? new ValueNode(key, h, value) : new Node(key, h));
  }

  private void insert(Node n) {
    if (size >= table.length) resize(table.length * 2);
    int i = n.hash & (table.length - 1);
    n.next = table[i];
    table[i] = n;
    size++;
  }

  public boolean remove(byte[] b, int off, int len) {
    int h = Dict.hash(b, off, len);
    int i = h & (table.length - 1);
    Node prev = null;
    for (Node e = table[i]; e != null; prev = e, e = e.next) {
      if (e.hash == h && e.key.length == len && Arrays.equals(e.key, 0, len, b, off, off + len)) {
        unlink(i, prev, e);
        return true;
      }
    }
    return false;
  }

  public void remove(Node target) {
    int i = target.hash & (table.length - 1);
    Node prev = null;
    for (Node e = table[i]; e != null; prev = e, e = e.next) {
      if (e == target) {
        unlink(i, prev, e);
        return;
      }
    }
  }

  private void unlink(int bucket, Node prev, Node e) {
    if (prev == null) table[bucket] = e.next;
    else prev.next = e.next;
    e.next = null;
    size--;
    // Shrink when under 1/8 full: memory comes back, and random picks stay cheap.
    if (table.length > MIN_SIZE && size < table.length / 8) resize(table.length / 2);
  }

  private void resize(int n) {
    Node[] t = new Node[Math.max(n, MIN_SIZE)];
    int mask = t.length - 1;
    for (Node head : table) {
      for (Node e = head; e != null; ) {
        Node next = e.next;
        int i = e.hash & mask;
        e.next = t[i];
        t[i] = e;
        e = next;
      }
    }
    table = t;
  }

  /** Visits every node; the visitor must not change the table. */
  public void forEach(Visitor v) {
    for (Node head : table) {
      for (Node e = head; e != null; e = e.next) v.visit(e);
    }
  }

  /** Visits nodes until the visitor says stop; false when it stopped early. */
  public boolean forEachWhile(Predicate<Node> v) {
    for (Node head : table) {
      for (Node e = head; e != null; e = e.next) if (!v.test(e)) return false;
    }
    return true;
  }

  /**
   * Visits one bucket of a scan at {@code cursor} and returns the next cursor, 0 when the scan is
   * complete. The cursor advances by incrementing its reversed bits, so a bucket already visited
   * stays visited when the table doubles or halves: every key present for the whole scan is
   * returned at least once (some may come twice after a shrink), as with Redis's dictScan.
   */
  public long scanStep(long cursor, Visitor v) {
    if (size == 0) return 0;
    long mask = table.length - 1;
    for (Node e = table[(int) (cursor & mask)]; e != null; e = e.next) v.visit(e);
    long r = Long.reverse(cursor | ~mask);
    return Long.reverse(r + 1);
  }

  /** A random node (a random non-empty bucket, then a random node of its chain), or null when empty. */
  public Node random() {
    if (size == 0) return null;
    ThreadLocalRandom r = ThreadLocalRandom.current();
    Node head;
    do {
      head = table[r.nextInt(table.length)];
    } while (head == null);
    int n = 0;
    for (Node e = head; e != null; e = e.next) n++;
    Node e = head;
    for (int k = r.nextInt(n); k > 0; k--) e = e.next;
    return e;
  }

  /** All nodes in table order, for picks that need indexes (distinct random samples). */
  public Node[] toArray() {
    Node[] out = new Node[size];
    int[] i = {0};
    forEach(n -> out[i[0]++] = n);
    return out;
  }

  /** An independent copy; the byte arrays are shared because they are never modified in place. */
  public FieldTable copy() {
    FieldTable c = new FieldTable(withValues, size);
    forEach(n -> c.addAbsent(n.key, n.value()));
    return c;
  }
}
