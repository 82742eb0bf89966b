package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.persist.Persistence;
import java.io.IOException;

/**
 * SAVE: writes the whole dataset to the RDB file now, holding every shard meanwhile (like
 * Redis's SAVE, nothing else runs until it is done: BGSAVE is the non-blocking one).
 */
public final class Save implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Persistence p = ctx.server.persistence();
    if (p.bgsaveInProgress()) {
      ctx.error("ERR Background save already in progress");
      return;
    }
    try {
      p.saveNow(HeldShards.all(ctx));
      ctx.reply.ok();
    } catch (IOException e) {
      ctx.error("ERR"); // Redis's shared.err; the reason is in the log
    }
  }
}
