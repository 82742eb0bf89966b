package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.set.SetValue;

/** SCARD key: the number of members, 0 for a missing key. */
public final class SCard implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    SetValue s = Sets.read(ctx, 1);
    if (s == Sets.WRONG_TYPE) return;
    ctx.reply.integer(s == null ? 0 : s.size());
  }
}
