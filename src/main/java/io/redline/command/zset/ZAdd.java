package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetValue;
import io.redline.util.RedisNumbers;

/**
 * ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...], and ZINCRBY key
 * increment member, which Redis runs as ZADD with INCR (so ZINCRBY also takes, and then
 * rejects, option words). Every score is parsed before anything changes: all or nothing.
 */
public final class ZAdd implements CommandHandler {
  private final int baseFlags;

  private ZAdd(int baseFlags) { this.baseFlags = baseFlags; }

  public static ZAdd zadd() { return new ZAdd(0); }

  public static ZAdd zincrby() { return new ZAdd(ZSetValue.INCR); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    int flags = baseFlags;
    boolean ch = false;
    int i = 2;
    for (; i < a.size(); i++) {
      if (a.is(i, "nx")) flags |= ZSetValue.NX;
      else if (a.is(i, "xx")) flags |= ZSetValue.XX;
      else if (a.is(i, "ch")) ch = true;
      else if (a.is(i, "incr")) flags |= ZSetValue.INCR;
      else if (a.is(i, "gt")) flags |= ZSetValue.GT;
      else if (a.is(i, "lt")) flags |= ZSetValue.LT;
      else break;
    }
    int first = i, elements = a.size() - first;
    boolean nx = (flags & ZSetValue.NX) != 0, xx = (flags & ZSetValue.XX) != 0;
    boolean gt = (flags & ZSetValue.GT) != 0, lt = (flags & ZSetValue.LT) != 0;
    boolean incr = (flags & ZSetValue.INCR) != 0;
    if (elements == 0 || elements % 2 != 0) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    if (nx && xx) {
      ctx.error("ERR XX and NX options at the same time are not compatible");
      return;
    }
    if ((gt && nx) || (lt && nx) || (gt && lt)) {
      ctx.error("ERR GT, LT, and/or NX options at the same time are not compatible");
      return;
    }
    int pairs = elements / 2;
    if (incr && pairs > 1) {
      ctx.error("ERR INCR option supports a single increment-element pair");
      return;
    }
    double[] scores = new double[pairs];
    for (int p = 0; p < pairs; p++) {
      int k = first + 2 * p;
      scores[p] = RedisNumbers.parseDoubleOrNaN(a.buffer(), a.offset(k), a.length(k));
      if (scores[p] != scores[p]) {
        ctx.error(Errors.NOT_FLOAT);
        return;
      }
    }

    Entry e = ZSets.lookupWrite(ctx, 1);
    if (e != null && !(e.value() instanceof ZSetValue)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ZSetLimits limits = ZSets.limits(ctx);
    long added = 0, updated = 0, processed = 0;
    double[] newScore = new double[1];
    if (e == null && !xx) {
      e = ctx.db().add(a.bytes(1), ZSetValue.forAdd(a.length(first + 1), limits));
      ctx.keyEvent(KeyEvent.NEW, e.key());
    }
    if (e != null) {
      ZSetValue z = (ZSetValue) e.value();
      for (int p = 0; p < pairs; p++) {
        int m = first + 2 * p + 1;
        int out = z.add(a.buffer(), a.offset(m), a.length(m), scores[p], flags, newScore, limits);
        if ((out & ZSetValue.NAN) != 0) {
          ctx.error("ERR resulting score is not a number (NaN)");
          return;
        }
        if ((out & ZSetValue.ADDED) != 0) added++;
        if ((out & ZSetValue.UPDATED) != 0) updated++;
        if ((out & ZSetValue.NOP) == 0) processed++;
      }
      if (added + updated > 0) {
        ctx.keyEvent(incr ? KeyEvent.ZINCR : KeyEvent.ZADD, e.key());
        ctx.dirty(added + updated);
      }
    }
    if (incr) {
      if (processed > 0) ctx.reply.doubleValue(newScore[0]);
      else ctx.reply.nullBulk();
    } else {
      ctx.reply.integer(ch ? added + updated : added);
    }
  }
}
