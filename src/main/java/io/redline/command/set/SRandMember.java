package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.hash.FieldTable;
import io.redline.store.hash.RandomPicks;
import io.redline.store.set.SetValue;
import io.redline.util.RedisNumbers;

/**
 * SRANDMEMBER key [count]. A positive count gives distinct members (the whole set, in its own
 * order, when count reaches its size); a negative one allows repeats. The reply is an array,
 * not a set, in RESP3 too (repeats are possible), as in Redis 7.0.
 */
public final class SRandMember implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() > 3) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    if (a.size() == 2) {
      SetValue s = Sets.read(ctx, 1);
      if (s == Sets.WRONG_TYPE) return;
      if (s == null) ctx.reply.nullBulk();
      else ctx.reply.bulk(s.random());
      return;
    }
    if (!RedisNumbers.isLong(a.buffer(), a.offset(2), a.length(2))) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    long count = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
    if (count == Long.MIN_VALUE) {
      ctx.error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
      return;
    }
    SetValue s = Sets.read(ctx, 1);
    if (s == Sets.WRONG_TYPE) return;
    if (s == null || count == 0) {
      ctx.reply.emptyArray();
      return;
    }
    if (count < -RandomPicks.MAX_REPEATED) {
      ctx.error("ERR value is out of range");
      return;
    }
    if (count < 0) {
      int n = (int) -count;
      ctx.reply.array(n);
      for (int i = 0; i < n; i++) ctx.reply.bulk(s.random());
    } else if (count >= s.size()) {
      ctx.reply.array(s.size());
      s.forEach(ctx.reply::bulk);
    } else {
      int n = (int) count;
      ctx.reply.array(n);
      FieldTable t = s.table();
      if (t != null) {
        for (FieldTable.Node node : RandomPicks.distinctNodes(t, n)) ctx.reply.bulk(node.key());
      } else {
        for (int i : RandomPicks.distinctIndexes(s.size(), n)) ctx.reply.bulk(s.intsetMember(i));
      }
    }
  }
}
