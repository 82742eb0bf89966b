package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.streams.store.Consumer;

/**
 * XGROUP CREATECONSUMER key group consumer (1 if it is new) and XGROUP DELCONSUMER key group
 * consumer (how many entries it still had pending; they are dropped from the group's PEL too).
 */
public final class XGroupConsumer implements CommandHandler {
  private final boolean create;

  private XGroupConsumer(boolean create) { this.create = create; }

  public static XGroupConsumer create() { return new XGroupConsumer(true); }
  public static XGroupConsumer delete() { return new XGroupConsumer(false); }

  @Override
  public void execute(CommandContext ctx) {
    GroupTarget t = GroupTarget.resolve(ctx, false, true);
    if (t == null) return;
    byte[] name = ctx.args.bytes(4);
    if (create) {
      boolean[] created = new boolean[1];
      t.group.consumerOrCreate(name, ctx.now, created);
      if (created[0]) {
        ctx.dirty(1);
        ctx.keyEvent(StreamEvents.XGROUP_CREATECONSUMER, 2);
      }
      ctx.reply.integer(created[0] ? 1 : 0);
      return;
    }
    Consumer c = t.group.consumer(name);
    if (c == null) {
      ctx.reply.integer(0);
      return;
    }
    int pending = t.group.deleteConsumer(c);
    ctx.dirty(1);
    ctx.keyEvent(StreamEvents.XGROUP_DELCONSUMER, 2);
    ctx.reply.integer(pending);
  }
}
