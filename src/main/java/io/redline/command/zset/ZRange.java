package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.LexRange;
import io.redline.store.zset.ScoreRange;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;

/**
 * ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] and the older
 * forms Redis 7.0 runs through the same code with the range kind or direction fixed: ZREVRANGE,
 * ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX; and ZRANGESTORE dst src ...,
 * which stores the result instead of returning it. A fixed kind or direction makes the matching
 * option word a syntax error, exactly as in Redis.
 */
public final class ZRange implements CommandHandler {
  private enum Kind { AUTO, RANK, SCORE, LEX }

  private final int srcArg;
  private final boolean store;
  private final Kind fixedKind;
  private final Boolean fixedReverse;

  private ZRange(int srcArg, boolean store, Kind kind, Boolean reverse) {
    this.srcArg = srcArg;
    this.store = store;
    this.fixedKind = kind;
    this.fixedReverse = reverse;
  }

  public static ZRange zrange() { return new ZRange(1, false, Kind.AUTO, null); }
  public static ZRange zrangestore() { return new ZRange(2, true, Kind.AUTO, null); }
  public static ZRange zrevrange() { return new ZRange(1, false, Kind.RANK, true); }
  public static ZRange zrangebyscore() { return new ZRange(1, false, Kind.SCORE, false); }
  public static ZRange zrevrangebyscore() { return new ZRange(1, false, Kind.SCORE, true); }
  public static ZRange zrangebylex() { return new ZRange(1, false, Kind.LEX, false); }
  public static ZRange zrevrangebylex() { return new ZRange(1, false, Kind.LEX, true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Kind kind = fixedKind;
    Boolean reverse = fixedReverse;
    boolean withScores = false;
    long offset = 0, limit = -1;
    for (int j = srcArg + 3; j < a.size(); j++) {
      int left = a.size() - j - 1;
      if (!store && a.is(j, "withscores")) {
        withScores = true;
      } else if (a.is(j, "limit") && left >= 2) {
        Long o = ZSets.parseLong(a, j + 1);
        Long l = o == null ? null : ZSets.parseLong(a, j + 2);
        if (l == null) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        offset = o;
        limit = l;
        j += 2;
      } else if (reverse == null && a.is(j, "rev")) {
        reverse = true;
      } else if (kind == Kind.AUTO && a.is(j, "bylex")) {
        kind = Kind.LEX;
      } else if (kind == Kind.AUTO && a.is(j, "byscore")) {
        kind = Kind.SCORE;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    if (reverse == null) reverse = false;
    if (kind == Kind.AUTO) kind = Kind.RANK;
    // Redis only notices LIMIT through a count other than its default -1.
    if (limit != -1 && kind == Kind.RANK) {
      ctx.error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
      return;
    }
    if (withScores && kind == Kind.LEX) {
      ctx.error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
      return;
    }
    int minArg = srcArg + 1, maxArg = srcArg + 2;
    if (reverse && kind != Kind.RANK) { // score and lex ranges are written max first when reversed
      minArg = srcArg + 2;
      maxArg = srcArg + 1;
    }
    byte[] b = a.buffer();
    long start = 0, end = 0;
    ScoreRange scores = null;
    LexRange members = null;
    switch (kind) {
      case SCORE -> {
        scores = ScoreRange.parse(b, a.offset(minArg), a.length(minArg), b, a.offset(maxArg), a.length(maxArg));
        if (scores == null) {
          ctx.error(ZSets.NOT_A_FLOAT_RANGE);
          return;
        }
      }
      case LEX -> {
        members = LexRange.parse(b, a.offset(minArg), a.length(minArg), b, a.offset(maxArg), a.length(maxArg));
        if (members == null) {
          ctx.error(ZSets.NOT_A_LEX_RANGE);
          return;
        }
      }
      default -> {
        Long s = ZSets.parseLong(a, minArg);
        Long t = s == null ? null : ZSets.parseLong(a, maxArg);
        if (t == null) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        start = s;
        end = t;
      }
    }

    Entry e = ctx.lookupRead(srcArg);
    if (e != null && !(e.value() instanceof ZSetValue)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ScoredList out = new ScoredList();
    if (e != null) {
      ZSetValue z = (ZSetValue) e.value();
      switch (kind) {
        case SCORE -> ZSetRanges.byScore(z, scores, reverse, offset, limit, out);
        case LEX -> ZSetRanges.byLex(z, members, reverse, offset, limit, out);
        default -> ZSetRanges.byRank(z, start, end, reverse, out);
      }
    }
    if (!store) {
      ZSets.scored(ctx.reply, out, withScores);
      return;
    }
    if (out.size() == 0) {
      if (ZSets.delete(ctx, 1)) ctx.dirty(1);
      ctx.reply.integer(0);
      return;
    }
    // As Redis, the result is built compact unless a rank range is known to be too long, and
    // converts on the way like any insert (which is when a compact -0 becomes 0).
    ZSetLimits limits = ZSets.limits(ctx);
    ZSetValue result = ZSetValue.forStore(kind == Kind.RANK ? out.size() : -1, limits);
    for (int i = 0; i < out.size(); i++) result.insert(out.member(i), out.score(i), limits);
    ZSets.store(ctx, 1, result, KeyEvent.ZRANGESTORE);
    ctx.dirty(1);
    ctx.reply.integer(out.size());
  }
}
