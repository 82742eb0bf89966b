package io.redline.command.list;

import io.redline.command.BlockingCommand;
import io.redline.command.BlockingTimeout;
import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * BLPOP / BRPOP key [key ...] timeout: pops from the first non-empty list, or parks the client
 * until one of the keys gets elements. Reply [key, element]; a null array on timeout.
 */
public final class BPop implements BlockingCommand {
  private final boolean fromHead;

  private BPop(boolean fromHead) { this.fromHead = fromHead; }

  public static BPop blpop() { return new BPop(true); }
  public static BPop brpop() { return new BPop(false); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long timeout = BlockingTimeout.millis(ctx, a.size() - 1);
    if (timeout < 0) return;
    byte[] ready = ctx.readyKey();
    for (int k = 1; k < a.size() - 1; k++) {
      if (ready != null && !a.equals(k, ready)) continue;
      Entry e = ctx.lookupWrite(k);
      if (e == null) continue;
      if (!ListWrites.isList(e)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      ListValue list = (ListValue) e.value();
      byte[] element = list.pop(fromHead);
      e.touch(ctx.server.lruClock());
      ctx.dirty(1);
      ctx.propagateAs(io.redline.aof.Effects.ascii(fromHead ? "LPOP" : "RPOP"), a.bytes(k)); // its non-blocking form
      ListWrites.popped(ctx, e, list, fromHead);
      ctx.reply.array(2);
      ctx.reply.bulk(a.buffer(), a.offset(k), a.length(k));
      ctx.reply.bulk(element);
      return;
    }
    if (!ctx.mayBlock()) {
      ctx.reply.nullArray();
      return;
    }
    ctx.block(BlockingCommand.distinctKeys(a, 1, a.size() - 1), timeout);
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof ListValue l && !l.isEmpty(); }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); }
}
