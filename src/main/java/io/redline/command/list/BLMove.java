package io.redline.command.list;

import io.redline.command.BlockingCommand;
import io.redline.command.BlockingTimeout;
import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout, and BRPOPLPUSH source destination
 * timeout: LMOVE / RPOPLPUSH that park the client while the source is missing.
 * The moved element; on timeout a null array (Redis 7.0's reply for every timed-out list command).
 */
public final class BLMove implements BlockingCommand {
  private final boolean fixedSides;
  private final LMove move;

  private BLMove(boolean fixedSides) {
    this.fixedSides = fixedSides;
    this.move = fixedSides ? LMove.rpoplpush() : LMove.lmove();
  }

  public static BLMove blmove() { return new BLMove(false); }
  public static BLMove brpoplpush() { return new BLMove(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (!fixedSides && (ListWrites.side(a, 3) == null || ListWrites.side(a, 4) == null)) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long timeout = BlockingTimeout.millis(ctx, a.size() - 1);
    if (timeout < 0) return;
    Entry src = ctx.lookupWrite(1);
    if (src != null || !ctx.mayBlock()) {
      // Same argument positions as LMOVE / RPOPLPUSH; the trailing timeout is not read there.
      move.execute(ctx);
      if (ctx.dirtyCount() > 0) { // logged as LMOVE / RPOPLPUSH, without the timeout
        if (fixedSides) ctx.propagateAs(io.redline.aof.Effects.ascii("RPOPLPUSH"), a.bytes(1), a.bytes(2));
        else ctx.propagateAs(io.redline.aof.Effects.ascii("LMOVE"), a.bytes(1), a.bytes(2), a.bytes(3), a.bytes(4));
      }
      return;
    }
    ctx.block(new byte[][] {a.bytes(1)}, timeout);
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof ListValue l && !l.isEmpty(); }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); } // Redis 7.0 answers every list timeout so

  @Override
  public byte[][] otherKeysWhenServing(Args args) { return new byte[][] {args.bytes(2)}; }
}
