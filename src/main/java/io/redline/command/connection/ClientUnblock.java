package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.ClientConnection;
import io.redline.util.RedisNumbers;

/**
 * CLIENT UNBLOCK client-id [TIMEOUT|ERROR]: a client parked in a blocking command (BLPOP and the
 * other pops, XREAD/XREADGROUP BLOCK) answers at once, with its timeout reply or with the
 * UNBLOCKED error; 1 if there was such a client, else 0 (a client held by CLIENT PAUSE is not
 * blocked in a command, as in Redis).
 */
public final class ClientUnblock implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    if (ctx.argc() > 4) {
      Errors.subcommandSyntax(ctx); // as Redis's CLIENT dispatch answers an extra argument
      return;
    }
    long id;
    try {
      id = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
    } catch (NumberFormatException e) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    boolean withError = false;
    if (ctx.argc() == 4) {
      if (a.is(3, "ERROR")) {
        withError = true;
      } else if (!a.is(3, "TIMEOUT")) {
        ctx.error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        return;
      }
    }
    ClientConnection target = ctx.server.clients().get(id);
    ctx.reply.integer(target != null && target.unblock(withError) ? 1 : 0);
  }
}
