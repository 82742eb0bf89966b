package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;

/** What the string commands share when they write: replacing a value, growing one in place, size limits. */
final class StringWrites {
  /** Java arrays stop a little short of 2 GB, whatever proto-max-bulk-len says. */
  private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

  private StringWrites() {}

  /**
   * Stores {@code value} under the key at argument {@code keyArg}, as Redis's setKey: over any
   * existing value of any type, dropping its TTL unless {@code keepTtl}.
   */
  static Entry store(CommandContext ctx, Keyspace db, Entry existing, int keyArg, Object value, boolean keepTtl) {
    Entry e = existing;
    if (e == null) {
      e = db.add(ctx.args.bytes(keyArg), value);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    } else {
      e.value(value);
      if (!keepTtl && e.hasExpiry()) db.setExpire(e, Entry.NO_EXPIRY);
    }
    e.touch(ctx.server.lruClock());
    return e;
  }

  /**
   * Whether a string of {@code current + added} bytes would break proto-max-bulk-len; if so the
   * error is already written. Sums that overflow count as too long.
   */
  static boolean tooLong(CommandContext ctx, long current, long added) {
    long limit = Math.min(ctx.server.config().getLong("proto-max-bulk-len"), ARRAY_LIMIT);
    if (added > limit - current) {
      ctx.error(Errors.STRING_TOO_LONG);
      return true;
    }
    return false;
  }

  /** The entry's string as a growable value, converting it in place (Redis's dbUnshareStringValue). */
  static StringBuilderValue growable(Entry e, int extra) {
    if (e.value() instanceof StringBuilderValue sb) return sb;
    StringBuilderValue sb = new StringBuilderValue(StringValue.bytes(e.value()), extra);
    e.value(sb);
    return sb;
  }
}
