package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/** ZSCORE key member: the score as a double, or null. */
public final class ZScore implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    Args a = ctx.args;
    double s = z.score(a.buffer(), a.offset(2), a.length(2));
    if (s != s) ctx.reply.nullBulk();
    else ctx.reply.doubleValue(s);
  }
}
