package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.hash.HashValue;

/** Lookups and limits every hash command uses. */
final class Hashes {
  private Hashes() {}

  /** Returned by {@link #read} after it has replied WRONGTYPE: the caller just returns. */
  static final HashValue WRONG_TYPE = new HashValue();

  /** The hash at argument {@code i} for reading: null when absent, {@link #WRONG_TYPE} (replied) for another type. */
  static HashValue read(CommandContext ctx, int i) {
    Entry e = ctx.lookupRead(i);
    if (e == null) return null;
    if (e.value() instanceof HashValue h) return h;
    ctx.error(Errors.WRONGTYPE);
    return WRONG_TYPE;
  }

  /** Whether the entry (absent, or for writing) may be used as a hash; replies WRONGTYPE if not. */
  static boolean isHashOrAbsent(CommandContext ctx, Entry e) {
    if (e == null || e.value() instanceof HashValue) return true;
    ctx.error(Errors.WRONGTYPE);
    return false;
  }

  static long maxEntries(CommandContext ctx) {
    return ctx.server.config().getLong("hash-max-listpack-entries");
  }

  static long maxValue(CommandContext ctx) {
    return ctx.server.config().getLong("hash-max-listpack-value");
  }

  /** Sets one field, creating the key when {@code e} is null (Redis never stores an empty hash). */
  static void setField(CommandContext ctx, Entry e, byte[] field, byte[] value) {
    HashValue h = e == null ? new HashValue() : (HashValue) e.value();
    h.set(field, value, maxEntries(ctx), maxValue(ctx));
    if (e == null) ctx.keyEvent(KeyEvent.NEW, ctx.db().add(ctx.args.bytes(1), h).key());
  }
}
