package io.redline.command.connection;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import io.redline.server.ClientSettings;
import java.util.List;

/** Connection commands: they run on the client's own loop and touch no keys. */
public final class ConnectionCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("connection");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("ping", Route.CONNECTION, new Ping());
    t.bind("echo", Route.CONNECTION, new Echo());
    t.bind("hello", Route.CONNECTION, new Hello());
    t.bind("auth", Route.CONNECTION, new Auth());
    t.bind("select", Route.CONNECTION, new Select());
    t.bind("quit", Route.CONNECTION, new Quit());
    t.bind("reset", Route.CONNECTION, new Reset());

    t.bind("client|id", Route.CONNECTION, new ClientId());
    t.bind("client|setname", Route.CONNECTION, new ClientSetName());
    t.bind("client|getname", Route.CONNECTION, new ClientGetName());
    t.bind("client|setinfo", Route.CONNECTION, new ClientSetInfo());
    t.bind("client|list", Route.CONNECTION, new ClientList());
    t.bind("client|info", Route.CONNECTION, new ClientInfo());
    t.bind("client|kill", Route.CONNECTION, new ClientKill());
    t.bind("client|reply", Route.CONNECTION, new ClientReply());
    t.bind("client|pause", Route.CONNECTION, new ClientPause());
    t.bind("client|unpause", Route.CONNECTION, new ClientUnpause());
    t.bind("client|unblock", Route.CONNECTION, new ClientUnblock());
    t.bind("client|tracking", Route.CONNECTION, new ClientTracking());
    t.bind("client|caching", Route.CONNECTION, ClientTrackingQueries.caching());
    t.bind("client|getredir", Route.CONNECTION, ClientTrackingQueries.getRedir());
    t.bind("client|trackinginfo", Route.CONNECTION, ClientTrackingQueries.info());
    t.bind("client|no-evict", Route.CONNECTION, new ClientSwitch(ClientSettings::noEvict));
    t.bind("client|no-touch", Route.CONNECTION, new ClientSwitch(ClientSettings::noTouch));
    t.bind("client|help", Route.CONNECTION, ClientHelp.REPLY);
  }
}
