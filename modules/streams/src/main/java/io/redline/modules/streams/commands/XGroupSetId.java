package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.StreamId;
import io.redline.protocol.Args;

/** XGROUP SETID key group id|$ [ENTRIESREAD n]: moves the group's last delivered ID (and read counter). */
public final class XGroupSetId implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    GroupTarget t = GroupTarget.resolve(ctx, false, true);
    if (t == null) return;
    Args a = ctx.args;
    if (a.size() != 5 && a.size() != 7) {
      GroupTarget.subcommandSyntaxError(ctx);
      return;
    }
    StreamId id;
    if (a.length(4) == 1 && a.buffer()[a.offset(4)] == '$') {
      id = t.stream.lastId();
    } else {
      id = StreamIds.parseOrReply(ctx, 4, 0, false);
      if (id == null) return;
    }
    long entriesRead = ConsumerGroup.UNKNOWN_ENTRIES_READ;
    if (a.size() == 7) {
      if (!a.is(5, "ENTRIESREAD")) {
        GroupTarget.subcommandSyntaxError(ctx);
        return;
      }
      Long v = TrimArgs.integer(ctx, 6);
      if (v == null || !GroupTarget.validEntriesRead(ctx, v)) return;
      entriesRead = v;
    }
    t.group.lastId = id;
    t.group.entriesRead = entriesRead;
    ctx.dirty(1);
    ctx.keyEvent(StreamEvents.XGROUP_SETID, 2);
    ctx.reply.ok();
  }
}
