package io.redline.command.sort;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;
import io.redline.store.set.SetValue;
import io.redline.store.zset.ZSetValue;
import java.util.Arrays;
import java.util.Comparator;

/**
 * SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE dst],
 * and SORT_RO (the same without STORE), with Redis 7.0's results:
 * <ul>
 *   <li>numeric keys by strtod ({@link SortScore}); equal numbers, and elements whose BY key is
 *       missing (they count as 0), are ordered by the elements' bytes;
 *   <li>ALPHA compares as strcoll in the C locale, that is bytewise but only up to a NUL byte;
 *       with STORE, Redis compares whole byte strings instead; elements still equal keep their
 *       source order (glibc's qsort is a merge sort: stable), elements without a BY value first;
 *   <li>BY without '*' (BY nosort) skips sorting: a list or sorted set is read in its own
 *       order (reversed by DESC) with LIMIT taken from that order, a set in its iteration order,
 *       except that with STORE a set is sorted ALPHA, so what is stored is deterministic.
 * </ul>
 */
public final class Sort implements CommandHandler {
  private final boolean readOnly;

  public Sort(boolean readOnly) {
    this.readOnly = readOnly;
  }

  @Override
  public void execute(CommandContext ctx) {
    SortOptions o = SortOptions.parse(ctx, readOnly);
    if (o == null) return;
    Entry e = ctx.lookupRead(1);
    Object v = e == null ? null : e.value();
    if (v != null && !(v instanceof ListValue) && !(v instanceof SetValue) && !(v instanceof ZSetValue)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    boolean store = o.storeArg >= 0;
    boolean dontSort = o.dontSort;
    boolean alpha = o.alpha;
    SortPattern by = o.by == null ? null : new SortPattern(o.by);
    if (dontSort && v instanceof SetValue && store) {
      dontSort = false;
      alpha = true;
      by = null;
    }

    int n = SortSource.size(v);
    long start = Math.max(o.limitStart, 0);
    long end = o.limitCount < 0 ? n - 1 : saturatedAdd(start, o.limitCount - 1);
    if (start >= n) {
      start = n - 1;
      end = n - 2;
    }
    if (end >= n) end = n - 1;

    byte[][] elements;
    if (dontSort && !(v instanceof SetValue)) {
      // The source's own order: read just the window, which then starts at 0.
      elements = SortSource.range(v, (int) start, (int) Math.max(0, end - start + 1), o.desc);
      if (end >= start) {
        end -= start;
        start = 0;
      }
    } else {
      elements = SortSource.all(v);
    }

    if (!dontSort && !sort(ctx, elements, by, alpha, o.desc, store, (int) start, (int) end)) {
      ctx.error("ERR One or more scores can't be converted into double");
      return;
    }

    SortPattern[] gets = new SortPattern[o.gets.size()];
    for (int i = 0; i < gets.length; i++) gets[i] = new SortPattern(o.gets.get(i));
    long window = end - start + 1;
    long outputLen = gets.length > 0 ? gets.length * window : window;
    if (store) store(ctx, o.storeArg, elements, (int) start, (int) end, gets, outputLen);
    else reply(ctx, elements, (int) start, (int) end, gets, outputLen);
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r; // only overflow upwards is possible here
  }

  /**
   * Sorts {@code elements} in place, or with BY and a LIMIT window just enough for the window,
   * as Redis does; false when a numeric key was not a number (Redis still performs every BY
   * lookup first, so lazy expiry and hit counts come out the same).
   */
  private static boolean sort(CommandContext ctx, byte[][] elements, SortPattern by, boolean alpha,
                              boolean desc, boolean store, int start, int end) {
    int n = elements.length;
    Item[] items = new Item[n];
    boolean numbersOk = true;
    for (int i = 0; i < n; i++) {
      Item it = items[i] = new Item(elements[i]);
      byte[] key = by == null ? elements[i] : by.lookup(ctx, elements[i]);
      if (key == null) continue; // no BY value: score 0, or first for ALPHA
      if (alpha) {
        it.alphaKey = key;
      } else {
        it.score = SortScore.of(key);
        if (it.score != it.score) numbersOk = false;
      }
    }
    if (!numbersOk) return false;
    Comparator<Item> order;
    if (!alpha) {
      order = Sort::byScore;
    } else {
      Comparator<byte[]> text = store ? Arrays::compareUnsigned : Sort::compareCStrings;
      order = by == null ? (a, b) -> text.compare(a.element, b.element) : (a, b) -> byAlphaKey(a, b, text);
    }
    if (desc) order = order.reversed();
    if (by != null && (start != 0 || end != n - 1)) PartialQuickSort.sort(items, order, start, end);
    else Arrays.sort(items, order); // stable, as glibc's qsort (a merge sort)
    for (int i = 0; i < n; i++) elements[i] = items[i].element;
    return true;
  }

  private static int byScore(Item a, Item b) {
    if (a.score > b.score) return 1;
    if (a.score < b.score) return -1;
    return Arrays.compareUnsigned(a.element, b.element); // -0 and 0 tie too, as with C's < and >
  }

  private static int byAlphaKey(Item a, Item b, Comparator<byte[]> text) {
    if (a.alphaKey == null || b.alphaKey == null) {
      if (a.alphaKey == b.alphaKey) return 0;
      return a.alphaKey == null ? -1 : 1;
    }
    return text.compare(a.alphaKey, b.alphaKey);
  }

  /** strcmp: unsigned bytes, each string ending at its first NUL (or its end). */
  static int compareCStrings(byte[] a, byte[] b) {
    for (int i = 0; ; i++) {
      int x = i < a.length ? a[i] & 0xff : 0;
      int y = i < b.length ? b[i] & 0xff : 0;
      if (x != y) return x - y;
      if (x == 0) return 0;
    }
  }

  private static void reply(CommandContext ctx, byte[][] elements, int start, int end, SortPattern[] gets,
                            long outputLen) {
    ctx.reply.array((int) outputLen);
    for (int j = start; j <= end; j++) {
      if (gets.length == 0) ctx.reply.bulk(elements[j]);
      for (SortPattern g : gets) {
        byte[] val = g.lookup(ctx, elements[j]);
        if (val == null) ctx.reply.nullBulk();
        else ctx.reply.bulk(val);
      }
    }
  }

  /**
   * STORE: the result replaces the destination (whatever its type, dropping its TTL) as a list,
   * a GET that finds nothing storing an empty string; an empty result deletes the destination.
   */
  private static void store(CommandContext ctx, int destArg, byte[][] elements, int start, int end,
                            SortPattern[] gets, long outputLen) {
    ListValue result = new ListValue();
    for (int j = start; j <= end; j++) {
      // Copies: the stored list must not share arrays with strings that may change in place.
      if (gets.length == 0) result.push(false, elements[j].clone());
      for (SortPattern g : gets) {
        byte[] val = g.lookup(ctx, elements[j]);
        result.push(false, val == null ? new byte[0] : val.clone());
      }
    }
    Entry old = ctx.lookupWrite(destArg);
    if (outputLen > 0) {
      if (old != null) ctx.db().delete(old);
      Entry e = ctx.db().add(ctx.args.bytes(destArg), result);
      if (old == null) ctx.keyEvent(KeyEvent.NEW, e.key()); // Redis's setKey overwrites: "new" only when absent
      ctx.keyEvent(KeyEvent.SORTSTORE, e.key());
      ctx.dirty(outputLen);
    } else if (old != null) {
      ctx.db().delete(old);
      ctx.keyEvent(KeyEvent.DEL, old.key());
      ctx.dirty(1);
    }
    ctx.reply.integer(outputLen);
  }

  /** One element with its sort key. */
  private static final class Item {
    final byte[] element;
    double score;
    byte[] alphaKey;

    Item(byte[] element) {
      this.element = element;
    }
  }
}
