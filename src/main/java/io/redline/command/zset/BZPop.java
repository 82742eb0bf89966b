package io.redline.command.zset;

import io.redline.command.BlockingCommand;
import io.redline.command.BlockingTimeout;
import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;

/**
 * BZPOPMIN / BZPOPMAX key [key ...] timeout: pops the lowest / highest member of the first
 * non-empty sorted set, or parks the client. [key, member, score]; a null array on timeout.
 */
public final class BZPop implements BlockingCommand {
  private final boolean max;

  private BZPop(boolean max) { this.max = max; }

  public static BZPop min() { return new BZPop(false); }
  public static BZPop max() { return new BZPop(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long timeout = BlockingTimeout.millis(ctx, a.size() - 1);
    if (timeout < 0) return;
    byte[] ready = ctx.readyKey();
    for (int k = 1; k < a.size() - 1; k++) {
      if (ready != null && !a.equals(k, ready)) continue;
      Entry e = ZSets.lookupWrite(ctx, k);
      if (e == null) continue;
      if (!(e.value() instanceof ZSetValue z)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      ScoredList out = new ScoredList();
      ZSetRanges.pop(z, max, 1, out);
      ZSets.removed(ctx, e, z, max ? KeyEvent.ZPOPMAX : KeyEvent.ZPOPMIN);
      ctx.dirty(1);
      ctx.propagateAs(io.redline.aof.Effects.ascii(max ? "ZPOPMAX" : "ZPOPMIN"), a.bytes(k)); // its non-blocking form
      ctx.reply.array(3);
      ctx.reply.bulk(a.buffer(), a.offset(k), a.length(k));
      ctx.reply.bulk(out.member(0));
      ctx.reply.doubleValue(out.score(0));
      return;
    }
    if (!ctx.mayBlock()) {
      ctx.reply.nullArray();
      return;
    }
    ctx.block(BlockingCommand.distinctKeys(a, 1, a.size() - 1), timeout);
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof ZSetValue z && z.size() > 0; }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); }
}
