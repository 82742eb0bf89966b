package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.hash.HashValue;

/** HLEN key: the number of fields, 0 for a missing key. */
public final class HLen implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    ctx.reply.integer(h == null ? 0 : h.size());
  }
}
