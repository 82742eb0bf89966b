package io.redline.command.list;

import io.redline.command.BlockingCommand;
import io.redline.command.BlockingTimeout;
import io.redline.command.CommandContext;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.list.ListValue;

/**
 * BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: LMPOP that parks the client
 * while every list is empty. [key, elements], or a null array on timeout.
 */
public final class BLMPop implements BlockingCommand {
  @Override
  public void execute(CommandContext ctx) {
    long timeout = BlockingTimeout.millis(ctx, 1);
    if (timeout < 0) return;
    if (LMPop.popFirst(ctx, 2, ctx.readyKey()) == LMPop.Outcome.REPLIED) return;
    if (!ctx.mayBlock()) {
      ctx.reply.nullArray();
      return;
    }
    Args a = ctx.args;
    int numkeys = Integer.parseInt(a.string(2)); // validated by popFirst
    ctx.block(BlockingCommand.distinctKeys(a, 3, 3 + numkeys), timeout);
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof ListValue l && !l.isEmpty(); }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); }
}
