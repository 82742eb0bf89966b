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
    Args a = ctx.args;
    long numkeys = positive(a, 1);
    if (numkeys < 0) {
      ctx.error("ERR numkeys should be greater than 0");
      return;
    }
    if (numkeys >= a.size() - 2) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    int sideIdx = 2 + (int) numkeys;
    Boolean side = ListWrites.side(a, sideIdx);
    if (side == null) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long count = -1;
    for (int j = sideIdx + 1; j < a.size(); j++) {
      if (count == -1 && j + 1 < a.size() && a.is(j, "COUNT")) {
        count = positive(a, ++j);
        if (count < 0) {
          ctx.error("ERR count should be greater than 0");
          return;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    if (count == -1) count = 1;
    for (int k = 2; k < sideIdx; k++) {
      Entry e = ctx.lookupWrite(k);
      if (e == null) continue;
      if (!ListWrites.isList(e)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      ListValue list = (ListValue) e.value();
      int n = (int) Math.min(count, list.size());
      ctx.reply.array(2);
      ctx.reply.bulk(a.buffer(), a.offset(k), a.length(k));
      ctx.reply.array(n);
      for (int i = 0; i < n; i++) ctx.reply.bulk(list.pop(side));
      e.touch(ctx.server.lruClock());
      ctx.dirty(1);
      ListWrites.deleteIfEmpty(ctx, e, list);
      return;
    }
    ctx.reply.nullArray();
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
