package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.server.ClientConnection;
import io.redline.server.ReplyMode;

/** RESET: the connection as new — RESP2, db 0, no name, replies on, logged out under requirepass. */
public final class Reset implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ClientConnection client = ctx.client();
    // Under CLIENT REPLY OFF the dispatcher gave us a discarding writer, but RESET turns replies
    // back on and Redis does send its "+RESET"; under SKIP the reply stays skipped, as in Redis.
    boolean wasOff = client.settings().replyMode() == ReplyMode.OFF;
    client.resetSession();
    var w = wasOff ? client.replyWriter() : ctx.reply;
    w.resp(2);
    w.simple("RESET");
  }
}
