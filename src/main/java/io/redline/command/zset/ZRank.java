package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/**
 * ZRANK / ZREVRANK key member [WITHSCORE]: the rank, or null. WITHSCORE (Redis 7.2, asked for by
 * our users) answers [rank, score], or a null array when there is no such member.
 */
public final class ZRank implements CommandHandler {
  private final boolean reverse;

  private ZRank(boolean reverse) { this.reverse = reverse; }

  public static ZRank ascending() { return new ZRank(false); }

  public static ZRank descending() { return new ZRank(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() > 4) {
      ctx.error("ERR wrong number of arguments for '" + ctx.spec.name() + "' command");
      return;
    }
    boolean withScore = false;
    if (a.size() == 4) {
      if (!a.is(3, "WITHSCORE")) {
        ctx.error(Errors.SYNTAX);
        return;
      }
      withScore = true;
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      missing(ctx, withScore);
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    int rank = z.rank(a.buffer(), a.offset(2), a.length(2));
    if (rank < 0) {
      missing(ctx, withScore);
      return;
    }
    long r = reverse ? z.size() - 1 - rank : rank;
    if (!withScore) {
      ctx.reply.integer(r);
      return;
    }
    ctx.reply.array(2);
    ctx.reply.integer(r);
    ctx.reply.doubleValue(z.score(a.buffer(), a.offset(2), a.length(2)));
  }

  private static void missing(CommandContext ctx, boolean withScore) {
    if (withScore) ctx.reply.nullArray();
    else ctx.reply.nullBulk();
  }
}
