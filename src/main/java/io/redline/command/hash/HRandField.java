package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.hash.FieldTable;
import io.redline.store.hash.HashValue;
import io.redline.store.hash.RandomPicks;
import io.redline.util.RedisNumbers;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HRANDFIELD key [count [WITHVALUES]]. A positive count gives distinct fields (the whole hash, in
 * its own order, when count reaches its size); a negative one allows repeats. WITHVALUES pairs
 * are a flat array in RESP2 and two-element arrays in RESP3, as in Redis 7.0.
 */
public final class HRandField implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() == 2) {
      HashValue h = Hashes.read(ctx, 1);
      if (h == Hashes.WRONG_TYPE) return;
      if (h == null) ctx.reply.nullBulk();
      else ctx.reply.bulk(randomField(h));
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
    boolean withValues = false;
    if (a.size() > 3) {
      if (a.size() != 4 || !a.is(3, "WITHVALUES")) {
        ctx.error(Errors.SYNTAX);
        return;
      }
      withValues = true;
      if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) { // Redis: the pair count must not overflow
        ctx.error("ERR value is out of range");
        return;
      }
    }
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    if (h == null || count == 0) {
      ctx.reply.emptyArray();
      return;
    }
    if (count < -RandomPicks.MAX_REPEATED) {
      ctx.error("ERR value is out of range");
      return;
    }
    if (count < 0) repeated(ctx, h, (int) -count, withValues);
    else if (count >= h.size()) whole(ctx, h, withValues);
    else distinct(ctx, h, (int) count, withValues);
  }

  private static byte[] randomField(HashValue h) {
    FieldTable t = h.table();
    if (t != null) return t.random().key();
    return h.listpackField(ThreadLocalRandom.current().nextInt(h.size()));
  }

  private static void header(CommandContext ctx, int n, boolean withValues) {
    ctx.reply.array(withValues && !ctx.reply.isResp3() ? 2 * n : n);
  }

  private static void pair(CommandContext ctx, byte[] field, byte[] value, boolean withValues) {
    if (withValues && ctx.reply.isResp3()) ctx.reply.array(2);
    ctx.reply.bulk(field);
    if (withValues) ctx.reply.bulk(value);
  }

  private static void repeated(CommandContext ctx, HashValue h, int n, boolean withValues) {
    header(ctx, n, withValues);
    FieldTable t = h.table();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int k = 0; k < n; k++) {
      if (t != null) {
        FieldTable.Node node = t.random();
        pair(ctx, node.key(), node.value(), withValues);
      } else {
        int i = r.nextInt(h.size());
        pair(ctx, h.listpackField(i), h.listpackValue(i), withValues);
      }
    }
  }

  private static void whole(CommandContext ctx, HashValue h, boolean withValues) {
    header(ctx, h.size(), withValues);
    h.forEach((f, v) -> pair(ctx, f, v, withValues));
  }

  private static void distinct(CommandContext ctx, HashValue h, int n, boolean withValues) {
    header(ctx, n, withValues);
    FieldTable t = h.table();
    if (t != null) {
      for (FieldTable.Node node : RandomPicks.distinctNodes(t, n)) pair(ctx, node.key(), node.value(), withValues);
    } else {
      for (int i : RandomPicks.distinctIndexes(h.size(), n)) pair(ctx, h.listpackField(i), h.listpackValue(i), withValues);
    }
  }
}
