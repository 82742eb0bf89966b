package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * XGROUP DESTROY key group: 1 if the group existed. Readers parked on it in XREADGROUP are then
 * answered with NOGROUP (the write wakes them; their readiness check finds the group gone).
 */
public final class XGroupDestroy implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    GroupTarget t = GroupTarget.resolve(ctx, false, false);
    if (t == null) return;
    if (t.group == null) {
      ctx.reply.integer(0);
      return;
    }
    t.stream.destroyGroup(ctx.args.bytes(3));
    ctx.dirty(1);
    ctx.keyEvent(StreamEvents.XGROUP_DESTROY, 2);
    ctx.reply.integer(1);
  }
}
