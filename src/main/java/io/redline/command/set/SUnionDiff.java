package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.store.set.SetValue;

/**
 * SUNION, SDIFF (a RESP3 set of the result) and SUNIONSTORE, SDIFFSTORE (replies the stored size;
 * an empty result deletes the destination). The result is built as a set first, so an all-integer
 * result comes back in ascending order, as from Redis.
 */
public final class SUnionDiff implements CommandHandler {
  private final boolean union;
  private final boolean store;

  private SUnionDiff(boolean union, boolean store) {
    this.union = union;
    this.store = store;
  }

  public static SUnionDiff sunion() { return new SUnionDiff(true, false); }

  public static SUnionDiff sunionStore() { return new SUnionDiff(true, true); }

  public static SUnionDiff sdiff() { return new SUnionDiff(false, false); }

  public static SUnionDiff sdiffStore() { return new SUnionDiff(false, true); }

  @Override
  public void execute(CommandContext ctx) {
    // Redis 7.0 reads the sources of the STORE forms as the plain ones' (hits, misses, "keymiss").
    SetValue[] sets = SetAlgebra.lookup(ctx, store ? 2 : 1, ctx.argc(), false);
    if (sets == null) return;
    long max = Sets.maxIntset(ctx);
    SetValue result = union ? SetAlgebra.union(sets, max) : SetAlgebra.difference(sets, max);
    if (store) {
      Sets.store(ctx, 1, result, union ? KeyEvent.SUNIONSTORE : KeyEvent.SDIFFSTORE);
      ctx.reply.integer(result.size());
    } else {
      Sets.replyMembers(ctx, result);
    }
  }
}
