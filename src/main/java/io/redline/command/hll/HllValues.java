package io.redline.command.hll;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;
import java.util.Arrays;

/**
 * What the HyperLogLog commands share: a sketch is an ordinary string value in Redis's HLL
 * format. Commands that change one (or its cached cardinality) first make it a "raw" growable
 * string, as Redis unshares it, so OBJECT ENCODING says "raw" afterwards as in Redis.
 */
final class HllValues {
  static final String NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
  static final String CORRUPT = "INVALIDOBJ Corrupted HLL object detected";

  private HllValues() {}

  /** The config's hll-sparse-max-bytes, read once per command. */
  static long sparseMax(CommandContext ctx) {
    return ctx.server.config().getLong("hll-sparse-max-bytes");
  }

  /**
   * Whether the value is a sketch; if not the error is written: the usual WRONGTYPE for other
   * types, the HLL-specific one for strings that are not sketches (integers included).
   */
  static boolean check(CommandContext ctx, Object v) {
    if (!StringValue.isString(v)) {
      ctx.error(Errors.WRONGTYPE);
      return false;
    }
    boolean ok;
    if (v instanceof byte[] b) ok = HllLayout.isValid(b, b.length);
    else if (v instanceof StringBuilderValue sb) ok = HllLayout.isValid(sb.array(), sb.length());
    else ok = false;
    if (!ok) ctx.error(NOT_HLL);
    return ok;
  }

  /** A read-only view of a checked sketch, without copying. */
  static HllSketch view(Object v) {
    if (v instanceof StringBuilderValue sb) return new HllSketch(sb.array(), sb.length());
    byte[] b = (byte[]) v;
    return new HllSketch(b, b.length);
  }

  /** The entry's checked sketch as a raw string value of its own. */
  static StringBuilderValue unshare(Entry e) {
    if (e.value() instanceof StringBuilderValue sb) return sb;
    StringBuilderValue sb = new StringBuilderValue(StringValue.bytes(e.value()), 0);
    e.value(sb);
    return sb;
  }

  /** Adds a new, empty sketch under the key at argument {@code keyArg}. */
  static Entry create(CommandContext ctx, int keyArg) {
    Entry e = ctx.db().add(ctx.args.bytes(keyArg), new StringBuilderValue(HllLayout.empty(), 0));
    ctx.keyEvent(KeyEvent.NEW, e.key());
    return e;
  }

  /** Stores a sketch back if it moved to a new array or changed length; in-place changes are already there. */
  static void commit(Entry e, StringBuilderValue sb, HllSketch h) {
    if (h.bytes() == sb.array() && h.length() == sb.length()) return;
    byte[] exact = h.bytes().length == h.length() ? h.bytes() : Arrays.copyOf(h.bytes(), h.length());
    e.value(new StringBuilderValue(exact, 0));
  }
}
