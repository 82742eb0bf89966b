package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamValue;
import io.redline.store.Entry;

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]: replies how many entries were removed. */
public final class XTrim implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    TrimArgs t = TrimArgs.parse(ctx, false);
    if (t == null) return;
    Entry e = Streams.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!(e.value() instanceof StreamValue s)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    long removed = t.trim(s);
    if (removed > 0) {
      ctx.dirty(removed);
      ctx.keyEvent(StreamEvents.XTRIM, e.key());
    }
    ctx.reply.integer(removed);
  }
}
