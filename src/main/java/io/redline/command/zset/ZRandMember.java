package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ZRANDMEMBER key [count [WITHSCORES]]. A negative count may repeat members; a positive one
 * returns distinct members, the whole set (highest first, as Redis 7.0 lists it) when the
 * count reaches its size. WITHSCORES is shaped as in ZRANGE (pairs in RESP3).
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
    } else if (count < 0) {
      repeated(ctx.reply, z, -count, withScores);
    } else {
      ScoredList out = new ScoredList((int) Math.min(count, z.size()));
      if (count >= z.size()) {
        for (int r = z.size() - 1; r >= 0; r--) ZSetRanges.at(z, r, out);
      } else {
        for (int r : distinctRanks(z.size(), count.intValue())) ZSetRanges.at(z, r, out);
      }
      ZSets.scored(ctx.reply, out, withScores);
    }
  }

  /** Written as drawn: a huge negative count is not collected first. */
  private static void repeated(ReplyWriter r, ZSetValue z, long n, boolean withScores) {
    boolean pairs = withScores && r.isResp3();
    // Beyond an int the reply could not be buffered anyway, as Redis could not hold it either.
    r.array((int) Math.min(withScores && !pairs ? n * 2 : n, Integer.MAX_VALUE));
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

  /** {@code k} distinct ranks below {@code n}, in random order (Floyd's sampling, then shuffled). */
  private static int[] distinctRanks(int n, int k) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    java.util.HashSet<Integer> chosen = new java.util.HashSet<>();
    for (int j = n - k; j < n; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    int[] out = new int[k];
    int i = 0;
    for (int r : chosen) out[i++] = r;
    for (int j = k - 1; j > 0; j--) {
      int s = random.nextInt(j + 1);
      int t = out[j];
      out[j] = out[s];
      out[s] = t;
    }
    return out;
  }
}
