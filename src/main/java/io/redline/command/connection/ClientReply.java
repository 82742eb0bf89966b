package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.ClientConnection;
import io.redline.server.ReplyMode;

/**
 * CLIENT REPLY ON|OFF|SKIP. OFF and SKIP themselves get no reply; ON always answers OK — even
 * when its own reply was to be discarded (mode OFF or a pending SKIP), since ON ends both.
 */
public final class ClientReply implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ClientConnection client = ctx.client();
    if (ctx.args.is(2, "ON")) {
      client.settings().replyMode(ReplyMode.ON);
      client.replyWriter().ok();
    } else if (ctx.args.is(2, "OFF")) {
      client.settings().replyMode(ReplyMode.OFF);
    } else if (ctx.args.is(2, "SKIP")) {
      if (client.settings().replyMode() != ReplyMode.OFF) client.settings().skipNextReply();
    } else {
      ctx.error(Errors.SYNTAX);
    }
  }
}
