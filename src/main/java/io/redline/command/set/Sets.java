package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.set.SetValue;

/** Lookups and limits every set command uses. */
final class Sets {
  private Sets() {}

  /** Returned by {@link #read} after it has replied WRONGTYPE: the caller just returns. */
  static final SetValue WRONG_TYPE = SetValue.emptyIntset();

  /** The set at argument {@code i} for reading: null when absent, {@link #WRONG_TYPE} (replied) for another type. */
  static SetValue read(CommandContext ctx, int i) {
    return typed(ctx, ctx.lookupRead(i));
  }

  /** As {@link #read}, without counting a keyspace hit or miss (the keys a write command changes). */
  static SetValue forWrite(CommandContext ctx, int i) {
    return typed(ctx, ctx.lookupWrite(i));
  }

  private static SetValue typed(CommandContext ctx, Entry e) {
    if (e == null) return null;
    if (e.value() instanceof SetValue s) return s;
    ctx.error(Errors.WRONGTYPE);
    return WRONG_TYPE;
  }

  /** Whether the entry (absent, or for writing) may be used as a set; replies WRONGTYPE if not. */
  static boolean isSetOrAbsent(CommandContext ctx, Entry e) {
    if (e == null || e.value() instanceof SetValue) return true;
    ctx.error(Errors.WRONGTYPE);
    return false;
  }

  static long maxIntset(CommandContext ctx) {
    return ctx.server.config().getLong("set-max-intset-entries");
  }

  /**
   * Replaces whatever is at argument {@code i} with {@code result}, or deletes it when the result is
   * empty; fires {@code event} ("sinterstore"...), or "del" for a deletion, as Redis does.
   */
  static void store(CommandContext ctx, int i, SetValue result, KeyEvent event) {
    Entry old = ctx.lookupWrite(i);
    if (old != null) ctx.db().delete(old);
    if (result.size() > 0) {
      Entry e = ctx.db().add(ctx.args.bytes(i), result);
      if (old == null) ctx.keyEvent(KeyEvent.NEW, e.key());
      ctx.keyEvent(event, e.key());
    } else if (old != null) {
      ctx.keyEvent(KeyEvent.DEL, old.key());
    }
    ctx.dirty(1);
  }

  /** Replies a set's members (a RESP3 set), in the set's own order. */
  static void replyMembers(CommandContext ctx, SetValue s) {
    ctx.reply.set(s.size());
    s.forEach(ctx.reply::bulk);
  }
}
