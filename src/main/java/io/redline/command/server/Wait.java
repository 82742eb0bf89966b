package io.redline.command.server;

import io.redline.command.BlockingCommand;
import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.ReplyWriter;
import io.redline.util.RedisNumbers;

/**
 * WAIT numreplicas timeout: how many replicas acknowledged this client's writes. Redline has no
 * replicas yet, so the answer is 0: at once when no replica is asked for (or inside MULTI),
 * otherwise when the timeout passes, or never with timeout 0, exactly as a Redis primary without
 * replicas behaves. The client is parked meanwhile (CLIENT UNBLOCK ends it with the same 0).
 */
final class Wait implements BlockingCommand {
  private static final byte[][] NO_KEYS = new byte[0][];

  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    long replicas;
    try {
      replicas = RedisNumbers.parseLong(a.buffer(), a.offset(1), a.length(1));
    } catch (NumberFormatException e) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    long timeout = io.redline.command.BlockingTimeout.integerMillis(ctx, 2);
    if (timeout < 0) return;
    long acknowledged = 0; // replicas that have this client's writes: none exist
    if (acknowledged >= replicas || !ctx.mayBlock()) {
      ctx.reply.integer(acknowledged);
      return;
    }
    ctx.block(NO_KEYS, timeout);
  }

  @Override
  public boolean readyFor(Object value) { return false; }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.integer(0); }
}
