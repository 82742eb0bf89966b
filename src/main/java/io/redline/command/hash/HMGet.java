package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.protocol.Args;
import io.redline.store.hash.HashValue;

/** HMGET key field [field ...]: one value or nil per field, in request order. */
public final class HMGet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    Args a = ctx.args;
    ctx.reply.array(a.size() - 2);
    for (int i = 2; i < a.size(); i++) {
      byte[] v = h == null ? null : h.get(a.buffer(), a.offset(i), a.length(i));
      if (v == null) ctx.reply.nullBulk();
      else ctx.reply.bulk(v);
    }
  }
}
