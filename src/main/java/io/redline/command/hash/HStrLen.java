package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.protocol.Args;
import io.redline.store.hash.HashValue;

/** HSTRLEN key field: the length of the field's value, 0 when absent. */
public final class HStrLen implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    Args a = ctx.args;
    byte[] v = h == null ? null : h.get(a.buffer(), a.offset(2), a.length(2));
    ctx.reply.integer(v == null ? 0 : v.length);
  }
}
