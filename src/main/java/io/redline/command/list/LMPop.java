package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops up to count elements from the first
 * non-empty list among the keys. A two-element array [key, elements], or a null array.
 */
public final class LMPop implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (popFirst(ctx, 1, null) == Outcome.NOTHING) ctx.reply.nullArray();
  }

  /** What {@link #popFirst} did: replied (popped or an error), or found every list empty (no reply yet). */
  enum Outcome { REPLIED, NOTHING }

  /**
   * The LMPOP logic with numkeys at argument {@code numkeysArg} (BLMPOP has its timeout first);
   * with {@code onlyKey} set, only that key is tried (serving a parked BLMPOP).
   */
  static Outcome popFirst(CommandContext ctx, int numkeysArg, byte[] onlyKey) {
    Args a = ctx.args;
    long numkeys = positive(a, numkeysArg);
    if (numkeys < 0) {
      ctx.error("ERR numkeys should be greater than 0");
      return Outcome.REPLIED;
    }
    if (numkeys >= a.size() - numkeysArg - 1) {
      ctx.error(Errors.SYNTAX);
      return Outcome.REPLIED;
    }
    int sideIdx = numkeysArg + 1 + (int) numkeys;
    Boolean side = ListWrites.side(a, sideIdx);
    if (side == null) {
      ctx.error(Errors.SYNTAX);
      return Outcome.REPLIED;
    }
    long count = -1;
    for (int j = sideIdx + 1; j < a.size(); j++) {
      if (count == -1 && j + 1 < a.size() && a.is(j, "COUNT")) {
        count = positive(a, ++j);
        if (count < 0) {
          ctx.error("ERR count should be greater than 0");
          return Outcome.REPLIED;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return Outcome.REPLIED;
      }
    }
    if (count == -1) count = 1;
    for (int k = numkeysArg + 1; k < sideIdx; k++) {
      if (onlyKey != null && !a.equals(k, onlyKey)) continue;
      Entry e = ctx.lookupWrite(k);
      if (e == null) continue;
      if (!ListWrites.isList(e)) {
        ctx.error(Errors.WRONGTYPE);
        return Outcome.REPLIED;
      }
      ListValue list = (ListValue) e.value();
      int n = (int) Math.min(count, list.size());
      ctx.reply.array(2);
      ctx.reply.bulk(a.buffer(), a.offset(k), a.length(k));
      ctx.reply.array(n);
      for (int i = 0; i < n; i++) ctx.reply.bulk(list.pop(side));
      e.touch(ctx.server.lruClock());
      ctx.dirty(1);
      ctx.propagateAs(io.redline.aof.Effects.ascii(side ? "LPOP" : "RPOP"), a.bytes(k), io.redline.aof.Effects.ascii(Integer.toString(n)));
      ListWrites.popped(ctx, e, list, side);
      return Outcome.REPLIED;
    }
    return Outcome.NOTHING;
  }

  /** An integer >= 1, or -1 for anything else (the caller's error text covers both). */
  private static long positive(Args a, int i) {
    try {
      long v = ListWrites.longArg(a, i);
      return v >= 1 ? v : -1;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }
}
