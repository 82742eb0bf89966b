package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;

/** AUTH [username] password */
public final class Auth implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 3) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    String user = ctx.argc() == 3 ? ctx.args.string(1) : "default";
    if (ctx.argc() == 2 && ctx.server.config().get("requirepass").isEmpty()) {
      ctx.error("ERR AUTH <password> called without any password configured for the default user. "
          + "Are you sure your configuration is correct?");
      return;
    }
    if (Passwords.check(ctx.server, user, ctx.args.bytes(ctx.argc() - 1))) {
      ctx.client().authenticated(true);
      ctx.reply.ok();
    } else {
      // A failed AUTH leaves an already authenticated connection authenticated, as in Redis.
      ctx.error(Passwords.WRONGPASS);
    }
  }
}
