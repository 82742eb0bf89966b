package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.protocol.Args;
import io.redline.store.hash.HashValue;

/** HGET key field: the value, or nil when the key or field is absent. */
public final class HGet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    Args a = ctx.args;
    byte[] v = h == null ? null : h.get(a.buffer(), a.offset(2), a.length(2));
    if (v == null) ctx.reply.nullBulk();
    else ctx.reply.bulk(v);
  }
}
