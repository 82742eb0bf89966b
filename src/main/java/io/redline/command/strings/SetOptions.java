package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.Args;

/**
 * The options of SET (NX XX GET KEEPTTL EX PX EXAT PXAT) and GETEX (EX PX EXAT PXAT PERSIST), with
 * Redis's conflict rules: an option is refused only when it clashes with a different one, so a
 * repeated "EX 1 EX 2" is accepted and the last value wins.
 */
final class SetOptions {
  static final int NX = 1, XX = 2, GET = 4, KEEPTTL = 8, PERSIST = 16;
  static final int EX = 32, PX = 64, EXAT = 128, PXAT = 256;
  private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;

  int flags;
  /** The argument holding the expire value, or -1. */
  int expireArg = -1;

  boolean has(int flag) { return (flags & flag) != 0; }

  /** The unit word Expiry expects, or null without an expire option. */
  String unit() {
    if (has(EX)) return "EX";
    if (has(PX)) return "PX";
    if (has(EXAT)) return "EXAT";
    if (has(PXAT)) return "PXAT";
    return null;
  }

  /** Parses from argument {@code from}; null after writing the syntax error. */
  static SetOptions parse(CommandContext ctx, int from, boolean forSet) {
    Args a = ctx.args;
    SetOptions o = new SetOptions();
    for (int i = from; i < a.size(); i++) {
      boolean hasNext = i + 1 < a.size();
      int f = o.flags;
      int expire = expireFlag(a, i);
      if (forSet && a.is(i, "NX") && (f & XX) == 0) {
        o.flags |= NX;
      } else if (forSet && a.is(i, "XX") && (f & NX) == 0) {
        o.flags |= XX;
      } else if (forSet && a.is(i, "GET")) {
        o.flags |= GET;
      } else if (forSet && a.is(i, "KEEPTTL") && (f & (PERSIST | ANY_EXPIRE)) == 0) {
        o.flags |= KEEPTTL;
      } else if (!forSet && a.is(i, "PERSIST") && (f & (KEEPTTL | ANY_EXPIRE)) == 0) {
        o.flags |= PERSIST;
      } else if (expire != 0 && hasNext && (f & (KEEPTTL | PERSIST | (ANY_EXPIRE & ~expire))) == 0) {
        o.flags |= expire;
        o.expireArg = ++i;
      } else {
        ctx.error(Errors.SYNTAX);
        return null;
      }
    }
    return o;
  }

  private static int expireFlag(Args a, int i) {
    if (a.is(i, "EX")) return EX;
    if (a.is(i, "PX")) return PX;
    if (a.is(i, "EXAT")) return EXAT;
    if (a.is(i, "PXAT")) return PXAT;
    return 0;
  }
}
