package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.LexRange;
import io.redline.store.zset.ScoreRange;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;

/**
 * ZREMRANGEBYRANK key start stop, ZREMRANGEBYSCORE key min max, ZREMRANGEBYLEX key min max:
 * how many were removed. The range is parsed before the key is looked at, as in Redis.
 */
public final class ZRemRange implements CommandHandler {
  private enum Kind { RANK, SCORE, LEX }

  private final Kind kind;

  private ZRemRange(Kind kind) { this.kind = kind; }

  public static ZRemRange byRank() { return new ZRemRange(Kind.RANK); }

  public static ZRemRange byScore() { return new ZRemRange(Kind.SCORE); }

  public static ZRemRange byLex() { return new ZRemRange(Kind.LEX); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    byte[] b = a.buffer();
    Long start = null, end = null;
    ScoreRange scores = null;
    LexRange members = null;
    switch (kind) {
      case RANK -> {
        start = ZSets.parseLong(a, 2);
        end = start == null ? null : ZSets.parseLong(a, 3);
        if (end == null) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
      }
      case SCORE -> {
        scores = ScoreRange.parse(b, a.offset(2), a.length(2), b, a.offset(3), a.length(3));
        if (scores == null) {
          ctx.error(ZSets.NOT_A_FLOAT_RANGE);
          return;
        }
      }
      case LEX -> {
        members = LexRange.parse(b, a.offset(2), a.length(2), b, a.offset(3), a.length(3));
        if (members == null) {
          ctx.error(ZSets.NOT_A_LEX_RANGE);
          return;
        }
      }
    }
    Entry e = ZSets.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    long removed = switch (kind) {
      case RANK -> ZSetRanges.removeByRank(z, start, end);
      case SCORE -> ZSetRanges.remove(z, scores);
      case LEX -> ZSetRanges.remove(z, members);
    };
    if (removed > 0) {
      ZSets.removed(ctx, e, z, switch (kind) {
        case RANK -> KeyEvent.ZREMRANGEBYRANK;
        case SCORE -> KeyEvent.ZREMRANGEBYSCORE;
        case LEX -> KeyEvent.ZREMRANGEBYLEX;
      });
      ctx.dirty(removed);
    }
    ctx.reply.integer(removed);
  }
}
