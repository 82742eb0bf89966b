package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.protocol.Args;
import io.redline.store.set.SetValue;

/** SISMEMBER key member (one integer) and SMISMEMBER key member [member ...] (an array of them). */
public final class SIsMember implements CommandHandler {
  private final boolean many;

  private SIsMember(boolean many) {
    this.many = many;
  }

  public static SIsMember one() { return new SIsMember(false); }

  public static SIsMember many() { return new SIsMember(true); }

  @Override
  public void execute(CommandContext ctx) {
    SetValue s = Sets.read(ctx, 1);
    if (s == Sets.WRONG_TYPE) return;
    Args a = ctx.args;
    if (many) ctx.reply.array(a.size() - 2);
    for (int i = 2; i < a.size(); i++) {
      ctx.reply.integer(s != null && s.contains(a.buffer(), a.offset(i), a.length(i)) ? 1 : 0);
    }
  }
}
