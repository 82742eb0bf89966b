package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.store.Entry;

/**
 * XACK key group id [id ...]: removes entries from the group's (and their consumer's) PEL;
 * replies how many were pending. Every ID is checked first, so nothing is half done.
 */
public final class XAck implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    ConsumerGroup g = null;
    if (e != null) {
      if (!(e.value() instanceof StreamValue s)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      g = s.group(ctx.args.bytes(2));
    }
    if (g == null) {
      ctx.reply.integer(0);
      return;
    }
    StreamId[] ids = new StreamId[ctx.argc() - 3];
    for (int j = 3; j < ctx.argc(); j++) {
      ids[j - 3] = StreamIds.parseOrReply(ctx, j, 0, true);
      if (ids[j - 3] == null) return;
    }
    long acked = 0;
    for (StreamId id : ids) if (g.ack(id)) acked++;
    if (acked > 0) ctx.dirty(acked);
    ctx.reply.integer(acked);
  }
}
