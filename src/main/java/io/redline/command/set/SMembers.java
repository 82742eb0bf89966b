package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.set.SetValue;

/** SMEMBERS key: every member (a RESP3 set); an intset answers in ascending order, as Redis does. */
public final class SMembers implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    SetValue s = Sets.read(ctx, 1);
    if (s == Sets.WRONG_TYPE) return;
    if (s == null) ctx.reply.set(0);
    else Sets.replyMembers(ctx, s);
  }
}
