package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.server.ClientConnection;
import io.redline.server.ServerContext;
import io.redline.util.RedisNumbers;

/** HELLO [protover [AUTH username password] [SETNAME clientname]] */
public final class Hello implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    long version = 0;
    if (ctx.argc() >= 2) {
      try {
        version = RedisNumbers.parseLong(a.buffer(), a.offset(1), a.length(1));
      } catch (NumberFormatException e) {
        ctx.error("ERR Protocol version is not an integer or out of range");
        return;
      }
      if (version < 2 || version > 3) {
        ctx.error("NOPROTO unsupported protocol version");
        return;
      }
    }
    String user = null;
    byte[] password = null;
    String name = null;
    for (int i = 2; i < ctx.argc(); i++) {
      int more = ctx.argc() - 1 - i;
      if (a.is(i, "AUTH") && more >= 2) {
        user = a.string(i + 1);
        password = a.bytes(i + 2);
        i += 2;
      } else if (a.is(i, "SETNAME") && more >= 1) {
        if (!ClientNames.valid(a, i + 1)) {
          ctx.error(ClientNames.BAD_NAME);
          return;
        }
        name = a.string(i + 1);
        i++;
      } else {
        ctx.error("ERR Syntax error in HELLO option '" + a.string(i) + "'");
        return;
      }
    }
    ClientConnection client = ctx.client();
    if (user != null) {
      if (!Passwords.check(ctx.server, user, password)) {
        ctx.error(Passwords.WRONGPASS);
        return;
      }
      client.authenticated(true);
    }
    if (!client.authenticated()) {
      ctx.error("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH "
          + "<user> <pass> option can be used to authenticate the client and select the RESP protocol version "
          + "at the same time");
      return;
    }
    if (name != null) client.name(name);
    if (version != 0) {
      client.resp((int) version);
      ctx.reply.resp((int) version); // this very reply already speaks the new protocol
    }
    var w = ctx.reply;
    w.map(7);
    w.bulk("server");
    w.bulk("redis");
    w.bulk("version");
    w.bulk(ServerContext.VERSION);
    w.bulk("proto");
    w.integer(client.resp());
    w.bulk("id");
    w.integer(client.id());
    w.bulk("mode");
    w.bulk("standalone");
    w.bulk("role");
    w.bulk("master");
    w.bulk("modules");
    w.emptyArray();
  }
}
