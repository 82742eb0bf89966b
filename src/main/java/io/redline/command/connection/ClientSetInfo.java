package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * CLIENT SETINFO LIB-NAME|LIB-VER value. A Redis 7.2 command that current client libraries send
 * on connect (and tolerate an error from); served with 7.2's replies so they need not.
 */
public final class ClientSetInfo implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    boolean libName = a.is(2, "LIB-NAME");
    if (!libName && !a.is(2, "LIB-VER")) {
      ctx.error("ERR Unrecognized option '" + a.string(2) + "'");
      return;
    }
    if (!ClientNames.valid(a, 3)) {
      ctx.error("ERR " + a.string(2) + " cannot contain spaces, newlines or special characters.");
      return;
    }
    if (libName) ctx.client().settings().libName(a.string(3));
    else ctx.client().settings().libVersion(a.string(3));
    ctx.reply.ok();
  }
}
