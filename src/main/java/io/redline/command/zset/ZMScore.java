package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/** ZMSCORE key member [member ...]: one score or null per member; all null for a missing key. */
public final class ZMScore implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e != null && !(e.value() instanceof ZSetValue)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ZSetValue z = e == null ? null : (ZSetValue) e.value();
    Args a = ctx.args;
    ctx.reply.array(a.size() - 2);
    for (int i = 2; i < a.size(); i++) {
      double s = z == null ? Double.NaN : z.score(a.buffer(), a.offset(i), a.length(i));
      if (s != s) ctx.reply.nullBulk();
      else ctx.reply.doubleValue(s);
    }
  }
}
