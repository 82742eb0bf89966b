package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;

/** XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n]: a new group; BUSYGROUP if the name is taken. */
public final class XGroupCreate implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    GroupTarget t = GroupTarget.resolve(ctx, true, false);
    if (t == null) return;
    Args a = ctx.args;
    if (a.size() > 8) {
      GroupTarget.subcommandSyntaxError(ctx);
      return;
    }
    StreamId id;
    if (a.length(4) == 1 && a.buffer()[a.offset(4)] == '$') {
      id = t.stream == null ? StreamId.MIN : t.stream.lastId();
    } else {
      id = StreamIds.parseOrReply(ctx, 4, 0, true);
      if (id == null) return;
    }
    if (t.stream == null) {
      t.stream = new StreamValue();
      Entry created = ctx.db().add(a.bytes(2), t.stream);
      created.touch(ctx.server.lruClock());
      ctx.keyEvent(KeyEvent.NEW, created.key());
    }
    if (t.stream.createGroup(a.bytes(3), id, t.entriesRead) == null) {
      ctx.error("BUSYGROUP Consumer Group name already exists");
      return;
    }
    ctx.dirty(1);
    ctx.keyEvent(StreamEvents.XGROUP_CREATE, 2);
    ctx.reply.ok();
  }
}
