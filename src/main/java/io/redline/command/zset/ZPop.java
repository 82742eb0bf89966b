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
 * ZPOPMIN key [count] and ZPOPMAX key [count]. Without a count the reply is one flat
 * [member, score] in both protocols; with one it is shaped like WITHSCORES (pairs in RESP3).
 */
public final class ZPop implements CommandHandler {
  private final boolean max;

  private ZPop(boolean max) { this.max = max; }

  public static ZPop min() { return new ZPop(false); }

  public static ZPop max() { return new ZPop(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() > 3) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long count = -1;
    if (a.size() == 3) {
      Long c = ZSets.parseLong(a, 2);
      if (c == null || c < 0) {
        ctx.error("ERR value is out of range, must be positive");
        return;
      }
      count = c;
    }
    Entry e = ZSets.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.reply.emptyArray();
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    if (count == 0) {
      ctx.reply.emptyArray();
      return;
    }
    ScoredList out = new ScoredList();
    ZSetRanges.pop(z, max, count < 0 ? 1 : count, out);
    ZSets.removed(ctx, e, z, max ? KeyEvent.ZPOPMAX : KeyEvent.ZPOPMIN);
    ctx.dirty(out.size());
    if (count < 0) { // one element, flat even in RESP3
      ctx.reply.array(2);
      ctx.reply.bulk(out.member(0));
      ctx.reply.doubleValue(out.score(0));
    } else {
      ZSets.scored(ctx.reply, out, true);
    }
  }
}
