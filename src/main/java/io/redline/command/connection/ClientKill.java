package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.ClientConnection;
import io.redline.util.RedisNumbers;

/**
 * CLIENT KILL ip:port (old form: OK or "No such client"), or CLIENT KILL with filters ID, ADDR,
 * LADDR, TYPE, USER, SKIPME (new form: the number killed). The caller itself, when it matches,
 * is closed after this reply rather than at once.
 */
public final class ClientKill implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    ClientConnection me = ctx.client();
    if (ctx.argc() == 3) {
      String addr = a.string(2);
      for (ClientConnection c : ctx.server.clients().all()) {
        if (c.address().equals(addr)) {
          close(c, me);
          ctx.reply.ok();
          return;
        }
      }
      ctx.error("ERR No such client");
      return;
    }
    if ((ctx.argc() - 2) % 2 != 0) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long id = 0;
    String addr = null;
    String laddr = null;
    ClientType type = null;
    boolean skipMe = true;
    for (int i = 2; i < ctx.argc(); i += 2) {
      String v = a.string(i + 1);
      if (a.is(i, "ID")) {
        try {
          id = RedisNumbers.parseLong(a.buffer(), a.offset(i + 1), a.length(i + 1));
        } catch (NumberFormatException e) {
          id = 0;
        }
        if (id <= 0) {
          ctx.error("ERR client-id should be greater than 0");
          return;
        }
      } else if (a.is(i, "TYPE")) {
        type = ClientType.parse(v);
        if (type == null) {
          ctx.error(ClientType.unknown(v));
          return;
        }
      } else if (a.is(i, "ADDR")) {
        addr = v;
      } else if (a.is(i, "LADDR")) {
        laddr = v;
      } else if (a.is(i, "USER")) {
        if (!v.equals("default")) { // the only user there is; every connection belongs to it
          ctx.error("ERR No such user '" + v + "'");
          return;
        }
      } else if (a.is(i, "SKIPME")) {
        if (a.is(i + 1, "yes")) skipMe = true;
        else if (a.is(i + 1, "no")) skipMe = false;
        else {
          ctx.error(Errors.SYNTAX);
          return;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    int killed = 0;
    for (ClientConnection c : ctx.server.clients().all()) {
      if (id != 0 && c.id() != id) continue;
      if (addr != null && !c.address().equals(addr)) continue;
      if (laddr != null && !c.localAddress().equals(laddr)) continue;
      if (type != null && ClientType.of(c) != type) continue;
      if (skipMe && c == me) continue;
      close(c, me);
      killed++;
    }
    ctx.reply.integer(killed);
  }

  private static void close(ClientConnection c, ClientConnection me) {
    if (c == me) me.closeAfterReplies();
    else c.kill();
  }
}
