package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.hash.RandomPicks;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ZRANDMEMBER key [count [WITHSCORES]]. A negative count may repeat members; a positive one
 * returns distinct members, the whole set (highest first, as Redis 7.0 lists it) when the
 * count reaches its size. WITHSCORES is shaped as in ZRANGE (pairs in RESP3). Unlike Redis, a
 * negative count below -2^28 is refused rather than answered until memory runs out.
 */
public final class ZRandMember implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() == 2) {
      Entry e = ctx.lookupRead(1);
      if (e == null) {
        ctx.reply.nullBulk();
      } else if (e.value() instanceof ZSetValue z) {
        ctx.reply.bulk(z.memberAt(ThreadLocalRandom.current().nextInt(z.size())));
      } else {
        ctx.error(Errors.WRONGTYPE);
      }
      return;
    }
    Long count = ZSets.parseLong(a, 2);
    if (count == null) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    if (count == Long.MIN_VALUE) {
      ctx.error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
      return;
    }
    boolean withScores = false;
    if (a.size() > 4 || (a.size() == 4 && !a.is(3, "withscores"))) {
      ctx.error(Errors.SYNTAX);
      return;
    } else if (a.size() == 4) {
      withScores = true;
      if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) {
        ctx.error("ERR value is out of range");
        return;
      }
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.emptyArray();
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    if (count == 0) {
      ctx.reply.emptyArray();
    } else if (count < -RandomPicks.MAX_REPEATED) { // shared with HRANDFIELD/SRANDMEMBER, see there
      ctx.error("ERR value is out of range");
    } else if (count < 0) {
      repeated(ctx.reply, z, -count, withScores);
    } else {
      ScoredList out = new ScoredList((int) Math.min(count, z.size()));
      if (count >= z.size()) {
        for (int r = z.size() - 1; r >= 0; r--) ZSetRanges.at(z, r, out);
      } else {
        for (int r : RandomPicks.distinctIndexes(z.size(), count.intValue())) ZSetRanges.at(z, r, out);
      }
      ZSets.scored(ctx.reply, out, withScores);
    }
  }

  /** Written as drawn, not collected first. */
  private static void repeated(ReplyWriter r, ZSetValue z, long n, boolean withScores) {
    boolean pairs = withScores && r.isResp3();
    r.array((int) (withScores && !pairs ? n * 2 : n));
    ThreadLocalRandom random = ThreadLocalRandom.current();
    ScoredList one = new ScoredList(1);
    for (long i = 0; i < n; i++) {
      one.clear();
      ZSetRanges.at(z, random.nextInt(z.size()), one);
      if (pairs) r.array(2);
      r.bulk(one.member(0));
      if (withScores) r.doubleValue(one.score(0));
    }
  }
}
