package io.redline.command.zset;

import io.redline.command.BlockingCommand;
import io.redline.command.BlockingTimeout;
import io.redline.command.CommandContext;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.zset.ZSetValue;

/**
 * BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: ZMPOP that parks the client while
 * every set is empty. [key, [[member, score], ...]], or a null array on timeout.
 */
public final class BZMPop implements BlockingCommand {
  @Override
  public void execute(CommandContext ctx) {
    long timeout = BlockingTimeout.millis(ctx, 1);
    if (timeout < 0) return;
    if (ZMPop.popFirst(ctx, 2, ctx.readyKey())) return;
    if (!ctx.mayBlock()) {
      ctx.reply.nullArray();
      return;
    }
    Args a = ctx.args;
    int numkeys = Integer.parseInt(a.string(2)); // validated by popFirst
    ctx.block(BlockingCommand.distinctKeys(a, 3, 3 + numkeys), timeout);
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof ZSetValue z && z.size() > 0; }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); }
}
