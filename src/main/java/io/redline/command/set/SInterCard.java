package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.set.SetValue;
import io.redline.util.RedisNumbers;

/** SINTERCARD numkeys key [key ...] [LIMIT limit]: the intersection's size, counting stops at LIMIT (0: no limit). */
public final class SInterCard implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long numKeys = RedisNumbers.isLong(a.buffer(), a.offset(1), a.length(1))
        ? RedisNumbers.parseLong(a.buffer(), a.offset(1), a.length(1)) : 0;
    if (numKeys < 1) {
      ctx.error("ERR numkeys should be greater than 0");
      return;
    }
    if (numKeys > a.size() - 2) {
      ctx.error("ERR Number of keys can't be greater than number of args");
      return;
    }
    int end = 2 + (int) numKeys;
    long limit = 0;
    for (int i = end; i < a.size(); i += 2) {
      if (a.is(i, "LIMIT") && i + 1 < a.size()) {
        limit = RedisNumbers.isLong(a.buffer(), a.offset(i + 1), a.length(i + 1))
            ? RedisNumbers.parseLong(a.buffer(), a.offset(i + 1), a.length(i + 1)) : -1;
        if (limit < 0) {
          ctx.error("ERR LIMIT can't be negative");
          return;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    SetValue[] sets = SetAlgebra.lookup(ctx, 2, end, false);
    if (sets == null) return;
    long[] n = {0};
    SetAlgebra.intersect(sets, limit, m -> n[0]++);
    ctx.reply.integer(n[0]);
  }
}
