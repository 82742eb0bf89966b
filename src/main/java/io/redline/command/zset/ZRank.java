package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/** ZRANK key member and ZREVRANK key member (Redis 7.0: no WITHSCORE yet): the rank, or null. */
public final class ZRank implements CommandHandler {
  private final boolean reverse;

  private ZRank(boolean reverse) { this.reverse = reverse; }

  public static ZRank ascending() { return new ZRank(false); }

  public static ZRank descending() { return new ZRank(true); }

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
    int rank = z.rank(a.buffer(), a.offset(2), a.length(2));
    if (rank < 0) ctx.reply.nullBulk();
    else ctx.reply.integer(reverse ? z.size() - 1 - rank : rank);
  }
}
