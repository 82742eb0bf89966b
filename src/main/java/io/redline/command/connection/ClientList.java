package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.ClientConnection;
import io.redline.util.RedisNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CLIENT LIST [TYPE normal|master|replica|pubsub] | [ID id [id ...]] */
public final class ClientList implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    ClientType type = null;
    Set<Long> ids = null;
    if (ctx.argc() == 4 && a.is(2, "TYPE")) {
      type = ClientType.parse(a.string(3));
      if (type == null) {
        ctx.error(ClientType.unknown(a.string(3)));
        return;
      }
    } else if (ctx.argc() >= 4 && a.is(2, "ID")) {
      ids = new HashSet<>();
      for (int i = 3; i < ctx.argc(); i++) {
        try {
          ids.add(RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i)));
        } catch (NumberFormatException e) {
          ctx.error("ERR Invalid client ID");
          return;
        }
      }
    } else if (ctx.argc() != 2) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    List<ClientConnection> clients = new ArrayList<>(ctx.server.clients().all());
    clients.sort(Comparator.comparingLong(ClientConnection::id)); // Redis lists in connection order
    long now = System.currentTimeMillis();
    StringBuilder out = new StringBuilder();
    for (ClientConnection c : clients) {
      if (type != null && ClientType.of(c) != type) continue;
      if (ids != null && !ids.contains(c.id())) continue;
      out.append(ClientLine.of(c, now));
    }
    ctx.reply.verbatim(out.toString());
  }
}
