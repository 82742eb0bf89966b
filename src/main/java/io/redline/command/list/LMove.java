package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * LMOVE source destination LEFT|RIGHT LEFT|RIGHT, and RPOPLPUSH source destination (RIGHT LEFT):
 * pops from one list and pushes onto another (or the same one, rotating it), atomically even when
 * the keys live on different shards. The moved element, or a null bulk when source is missing.
 */
public final class LMove implements CommandHandler {
  private final boolean fixedSides;

  private LMove(boolean fixedSides) { this.fixedSides = fixedSides; }

  public static LMove lmove() { return new LMove(false); }
  public static LMove rpoplpush() { return new LMove(true); }

  @Override
  public void execute(CommandContext ctx) {
    boolean fromHead = false;
    boolean toHead = true;
    if (!fixedSides) {
      Boolean from = ListWrites.side(ctx.args, 3);
      Boolean to = ListWrites.side(ctx.args, 4);
      if (from == null || to == null) {
        ctx.error(Errors.SYNTAX);
        return;
      }
      fromHead = from;
      toHead = to;
    }
    Entry src = ctx.lookupWrite(1);
    if (src == null) {
      ctx.reply.nullBulk();
      return;
    }
    if (!ListWrites.isList(src)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    // Checked before anything moves: a wrong-typed destination leaves the source untouched.
    Entry dst = ctx.lookupWrite(2);
    if (dst != null && !ListWrites.isList(dst)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ListValue source = (ListValue) src.value();
    byte[] element = source.pop(fromHead);
    // With source == destination the popped list is still in the keyspace, so this rotates it.
    ListWrites.push(ctx, dst, 2, toHead, element);
    src.touch(ctx.server.lruClock());
    ListWrites.popped(ctx, src, source, fromHead);
    ctx.reply.bulk(element);
  }
}
