package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.persist.Persistence;

/**
 * BGSAVE [SCHEDULE]: takes the snapshot's point in time now, holding every shard for that
 * instant only, and replies; the shards then write their parts between their other work. Inside
 * MULTI it is scheduled (started within 100 ms, after the transaction), as Redis does.
 */
public final class BgSave implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 2 || (ctx.argc() == 2 && !ctx.args.is(1, "SCHEDULE"))) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    Persistence p = ctx.server.persistence();
    if (p.bgsaveInProgress()) {
      ctx.error("ERR Background save already in progress");
      return;
    }
    if (!ctx.mayBlock()) { // inside EXEC: Redis defers it to after the transaction
      p.schedule();
      ctx.reply.simple("Background saving scheduled");
      return;
    }
    String error = p.startBackground(HeldShards.all(ctx));
    if (error != null) ctx.error(error);
    else ctx.reply.simple("Background saving started");
  }
}
