package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.LexRange;
import io.redline.store.zset.ScoreRange;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;

/** ZCOUNT key min max and ZLEXCOUNT key min max. The range is checked before the key, as in Redis. */
public final class ZCount implements CommandHandler {
  private final boolean lex;

  private ZCount(boolean lex) { this.lex = lex; }

  public static ZCount byScore() { return new ZCount(false); }

  public static ZCount byLex() { return new ZCount(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    byte[] b = a.buffer();
    ScoreRange scores = null;
    LexRange members = null;
    if (lex) {
      members = LexRange.parse(b, a.offset(2), a.length(2), b, a.offset(3), a.length(3));
      if (members == null) {
        ctx.error(ZSets.NOT_A_LEX_RANGE);
        return;
      }
    } else {
      scores = ScoreRange.parse(b, a.offset(2), a.length(2), b, a.offset(3), a.length(3));
      if (scores == null) {
        ctx.error(ZSets.NOT_A_FLOAT_RANGE);
        return;
      }
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
    } else if (e.value() instanceof ZSetValue z) {
      ctx.reply.integer(lex ? ZSetRanges.count(z, members) : ZSetRanges.count(z, scores));
    } else {
      ctx.error(Errors.WRONGTYPE);
    }
  }
}
