package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.store.set.SetValue;
import java.util.ArrayList;
import java.util.List;

/**
 * SINTER key [key ...] (a RESP3 set, in the smallest set's order) and SINTERSTORE destination
 * key [key ...] (replies the stored size; an empty result deletes the destination).
 */
public final class SInter implements CommandHandler {
  private final boolean store;

  private SInter(boolean store) {
    this.store = store;
  }

  public static SInter reply() { return new SInter(false); }

  public static SInter store() { return new SInter(true); }

  @Override
  public void execute(CommandContext ctx) {
    int first = store ? 2 : 1;
    // Redis 7.0 reads the sources of SINTERSTORE as SINTER's (hits, misses, "keymiss").
    SetValue[] sets = SetAlgebra.lookup(ctx, first, ctx.argc(), false);
    if (sets == null) return;
    if (store) {
      SetValue result = SetValue.emptyIntset();
      long max = Sets.maxIntset(ctx);
      SetAlgebra.intersect(sets, 0, m -> result.add(m, max));
      Sets.store(ctx, 1, result, KeyEvent.SINTERSTORE);
      ctx.reply.integer(result.size());
      return;
    }
    List<byte[]> members = new ArrayList<>();
    SetAlgebra.intersect(sets, 0, members::add);
    ctx.reply.set(members.size());
    for (byte[] m : members) ctx.reply.bulk(m);
  }
}
