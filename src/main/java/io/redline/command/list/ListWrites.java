package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;
import io.redline.util.RedisNumbers;

/**
 * What the list commands share: the single push path, deleting lists that became empty, and the
 * argument forms several commands parse (LEFT|RIGHT, integers).
 */
final class ListWrites {
  private ListWrites() {}

  static boolean isList(Entry e) {
    return e.value() instanceof ListValue;
  }

  /**
   * Every push into a list goes through here: LPUSH, RPUSH, LPUSHX, RPUSHX, and the destination of
   * LMOVE and RPOPLPUSH. Creates the list under the key at argument {@code keyArg} when
   * {@code existing} is null (the caller has checked the type of an existing value). This is the
   * one place to tell waiting clients that the key now has elements.
   */
  static ListValue push(CommandContext ctx, Entry existing, int keyArg, boolean atHead, byte[]... elements) {
    Entry e = existing;
    ListValue list;
    if (e == null) {
      list = new ListValue();
      e = ctx.db().add(ctx.args.bytes(keyArg), list);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    } else {
      list = (ListValue) e.value();
    }
    for (byte[] element : elements) list.push(atHead, element);
    e.touch(ctx.server.lruClock());
    ctx.keyEvent(atHead ? KeyEvent.LPUSH : KeyEvent.RPUSH, e.key());
    ctx.dirty(elements.length);
    return list;
  }

  /**
   * After elements were popped from the head or tail ({@code atHead}): the "lpop"/"rpop" event,
   * then the key's deletion (and "del") if that emptied it, in Redis's order.
   */
  static void popped(CommandContext ctx, Entry e, ListValue list, boolean atHead) {
    ctx.keyEvent(atHead ? KeyEvent.LPOP : KeyEvent.RPOP, e.key());
    deleteIfEmpty(ctx, e, list);
  }

  /** Deletes the key once its list is empty (Redis never keeps an empty list), with its "del" event. */
  static void deleteIfEmpty(CommandContext ctx, Entry e, ListValue list) {
    if (!list.isEmpty()) return;
    ctx.db().delete(e);
    ctx.keyEvent(KeyEvent.DEL, e.key());
  }

  /** LEFT → TRUE (head), RIGHT → FALSE (tail), anything else null (a syntax error). */
  static Boolean side(Args a, int i) {
    if (a.is(i, "LEFT")) return Boolean.TRUE;
    if (a.is(i, "RIGHT")) return Boolean.FALSE;
    return null;
  }

  /** The integer at argument {@code i} by Redis's string2ll rules; NumberFormatException if it is not one. */
  static long longArg(Args a, int i) {
    return RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i));
  }
}
