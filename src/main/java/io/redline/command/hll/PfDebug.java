package io.redline.command.hll;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;

/**
 * PFDEBUG GETREG|DECODE|ENCODING|TODENSE key: Redis's internal inspection command. GETREG and
 * TODENSE turn a sparse sketch dense (a write); DECODE lists the sparse opcodes.
 */
public final class PfDebug implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupWrite(2);
    if (e == null) {
      ctx.error("ERR The specified key does not exist");
      return;
    }
    if (!HllValues.check(ctx, e.value())) return;
    StringBuilderValue sb = HllValues.unshare(e);
    HllSketch h = new HllSketch(sb.array(), sb.length());
    if (ctx.args.is(1, "getreg")) {
      if (!densify(ctx, e, sb, h)) return;
      ctx.reply.array(HllLayout.REGISTERS);
      for (int i = 0; i < HllLayout.REGISTERS; i++) ctx.reply.integer(h.register(i));
    } else if (ctx.args.is(1, "decode")) {
      if (h.isDense()) ctx.error("ERR HLL encoding is not sparse");
      else ctx.reply.bulk(h.decodeSparse());
    } else if (ctx.args.is(1, "encoding")) {
      ctx.reply.simple(h.isDense() ? "dense" : "sparse");
    } else if (ctx.args.is(1, "todense")) {
      boolean wasSparse = !h.isDense();
      if (!densify(ctx, e, sb, h)) return;
      ctx.reply.integer(wasSparse ? 1 : 0);
    } else {
      ctx.error("ERR Unknown PFDEBUG subcommand '" + ctx.args.string(1) + "'");
    }
  }

  /** Converts to dense if sparse, storing the result; false (error written) if corrupt. */
  private static boolean densify(CommandContext ctx, Entry e, StringBuilderValue sb, HllSketch h) {
    if (h.isDense()) return true;
    if (!h.toDense()) {
      ctx.error(HllValues.CORRUPT);
      return false;
    }
    HllValues.commit(e, sb, h);
    ctx.dirty(1);
    return true;
  }
}
