package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.store.Entry;

/** XDEL key id [id ...]: deletes entries; all IDs are checked before any is deleted. Replies how many existed. */
public final class XDel implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = Streams.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!(e.value() instanceof StreamValue s)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    StreamId[] ids = new StreamId[ctx.argc() - 2];
    for (int j = 2; j < ctx.argc(); j++) {
      ids[j - 2] = StreamIds.parseOrReply(ctx, j, 0, true);
      if (ids[j - 2] == null) return;
    }
    long deleted = 0;
    for (StreamId id : ids) if (s.delete(id)) deleted++;
    if (deleted > 0) {
      ctx.dirty(deleted);
      ctx.keyEvent(StreamEvents.XDEL, e.key());
    }
    ctx.reply.integer(deleted);
  }
}
