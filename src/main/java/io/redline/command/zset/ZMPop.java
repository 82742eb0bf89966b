package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;

/**
 * ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: pops from the first non-empty set in key
 * order; replies [key, [[member, score], ...]] in both protocols, or a null array.
 */
public final class ZMPop implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (!popFirst(ctx, 1, null)) ctx.reply.nullArray();
  }

  /**
   * The ZMPOP logic with numkeys at argument {@code numkeysArg} (BZMPOP has its timeout first).
   * Returns false when every set was empty and nothing was written; with {@code onlyKey} set,
   * only that key is tried (serving a parked BZMPOP).
   */
  static boolean popFirst(CommandContext ctx, int numkeysArg, byte[] onlyKey) {
    Args a = ctx.args;
    Long numkeys = ZSets.parseLong(a, numkeysArg);
    if (numkeys == null || numkeys < 1) {
      ctx.error("ERR numkeys should be greater than 0");
      return true;
    }
    long whereArg = numkeysArg + 1 + numkeys;
    if (whereArg >= a.size()) {
      ctx.error(Errors.SYNTAX);
      return true;
    }
    int where = (int) whereArg;
    boolean max;
    if (a.is(where, "min")) {
      max = false;
    } else if (a.is(where, "max")) {
      max = true;
    } else {
      ctx.error(Errors.SYNTAX);
      return true;
    }
    long count = -1;
    for (int j = where + 1; j < a.size(); j++) {
      if (count == -1 && a.is(j, "count") && j + 1 < a.size()) {
        Long c = ZSets.parseLong(a, ++j);
        if (c == null || c < 1) {
          ctx.error("ERR count should be greater than 0");
          return true;
        }
        count = c;
      } else {
        ctx.error(Errors.SYNTAX);
        return true;
      }
    }
    if (count == -1) count = 1;

    for (int k = numkeysArg + 1; k < where; k++) {
      if (onlyKey != null && !a.equals(k, onlyKey)) continue;
      Entry e = ZSets.lookupWrite(ctx, k);
      if (e == null) continue;
      if (!(e.value() instanceof ZSetValue z)) {
        ctx.error(Errors.WRONGTYPE);
        return true;
      }
      ScoredList out = new ScoredList();
      ZSetRanges.pop(z, max, count, out);
      ZSets.removed(ctx, e, z, max ? KeyEvent.ZPOPMAX : KeyEvent.ZPOPMIN);
      ctx.dirty(out.size());
      ctx.propagateAs(io.redline.aof.Effects.ascii(max ? "ZPOPMAX" : "ZPOPMIN"), a.bytes(k), io.redline.aof.Effects.ascii(Integer.toString(out.size())));
      ctx.reply.array(2);
      ctx.reply.bulk(a.buffer(), a.offset(k), a.length(k));
      ZSets.pairs(ctx.reply, out);
      return true;
    }
    return false;
  }
}
