package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.protocol.Args;
import io.redline.store.hash.HashValue;

/** HEXISTS key field: 1 when the field is there, else 0. */
public final class HExists implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    Args a = ctx.args;
    ctx.reply.integer(h != null && h.contains(a.buffer(), a.offset(2), a.length(2)) ? 1 : 0);
  }
}
