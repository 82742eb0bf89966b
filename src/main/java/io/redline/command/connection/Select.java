package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.util.RedisNumbers;

/** SELECT index */
public final class Select implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    long index;
    try {
      index = RedisNumbers.parseLong(a.buffer(), a.offset(1), a.length(1));
    } catch (NumberFormatException e) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    // Redis reads the index as a C int, with its own message for a long that does not fit.
    if (index != (int) index) {
      ctx.error("ERR value is out of range, value must between -2147483648 and 2147483647");
      return;
    }
    if (index < 0 || index >= ctx.server.config().getInt("databases")) {
      ctx.error(Errors.DB_INDEX);
      return;
    }
    ctx.client().db((int) index);
    ctx.reply.ok();
  }
}
