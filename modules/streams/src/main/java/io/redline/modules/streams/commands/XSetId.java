package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.store.Entry;

/** XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id]: sets the stream's bookkeeping, within Redis's checks. */
public final class XSetId implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    StreamId id = StreamIds.parseOrReply(ctx, 2, 0, true);
    if (id == null) return;
    long entriesAdded = -1;
    StreamId maxDeleted = StreamId.MIN;
    for (int i = 3; i < a.size(); i += 2) {
      boolean more = i < a.size() - 1;
      if (a.is(i, "ENTRIESADDED") && more) {
        Long v = TrimArgs.integer(ctx, i + 1);
        if (v == null) return;
        if (v < 0) {
          ctx.error("ERR entries_added must be positive");
          return;
        }
        entriesAdded = v;
      } else if (a.is(i, "MAXDELETEDID") && more) {
        maxDeleted = StreamIds.parseOrReply(ctx, i + 1, 0, true);
        if (maxDeleted == null) return;
        if (id.compareTo(maxDeleted) < 0) {
          ctx.error("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
          return;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    Entry e = Streams.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.error(Streams.NO_SUCH_KEY);
      return;
    }
    if (!(e.value() instanceof StreamValue s)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    if (s.length() > 0) {
      StreamId top = s.lastValidId();
      if (top != null && id.compareTo(top) < 0) {
        ctx.error("ERR The ID specified in XSETID is smaller than the target stream top item");
        return;
      }
      if (entriesAdded != -1 && s.length() > entriesAdded) {
        ctx.error("ERR The entries_added specified in XSETID is smaller than the target stream length");
        return;
      }
    }
    s.setIds(id, entriesAdded, maxDeleted.isZero() ? null : maxDeleted);
    ctx.dirty(1);
    ctx.keyEvent(StreamEvents.XSETID, e.key());
    ctx.reply.ok();
  }
}
