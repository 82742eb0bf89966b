package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.command.hash.ScanOptions;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetValue;
import io.redline.util.RedisNumbers;

/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count]: member, score pairs, scores as bulk strings in
 * both protocols. A compact set comes back whole with cursor 0, as Redis does for listpacks; a
 * skip-list set is walked over its member table's buckets with Redis's reverse-binary cursor
 * (see MemberTable), which returns every member present for the whole scan at least once even
 * when the table grows or shrinks between calls.
 */
public final class ZScan implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long[] cursor = ScanOptions.cursor(ctx);
    if (cursor == null) return;
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ScanOptions.replyCursor(ctx, 0);
      ctx.reply.emptyArray();
      return;
    }
    if (!(e.value() instanceof ZSetValue z)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ScanOptions o = ScanOptions.parse(ctx);
    if (o == null) return;
    ScoredList out = new ScoredList();
    long next = z.scan(cursor[0], o.count, (m, s) -> {
      if (o.matches(m)) out.add(m, s);
    });
    ScanOptions.replyCursor(ctx, next);
    ctx.reply.array(out.size() * 2);
    for (int i = 0; i < out.size(); i++) {
      ctx.reply.bulk(out.member(i));
      ctx.reply.bulk(RedisNumbers.formatDouble(out.score(i)));
    }
  }
}
