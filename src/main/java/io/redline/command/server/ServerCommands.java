package io.redline.command.server;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** Server commands (INFO, CONFIG, COMMAND, TIME, SHUTDOWN...). */
public final class ServerCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("server");
  }

  @Override
  public void register(CommandTable t) {
    // INFO holds every shard so the keyspace section can count keys on all of them.
    t.bind("info", Route.ALL_SHARDS, new Info());
    t.bind("time", Route.CONNECTION, new Time());
    t.bind("role", Route.CONNECTION, new Role());
    // No keys, but on the connection's own shard (KEYS route) so that it can park its client.
    t.bind("wait", Route.KEYS, new Wait());
    t.bind("monitor", Route.CONNECTION, new Monitor());
    t.bind("latency|latest", Route.CONNECTION, LatencyCommands.latest());
    t.bind("latency|history", Route.CONNECTION, LatencyCommands.history());
    t.bind("latency|reset", Route.CONNECTION, LatencyCommands.reset());
    t.bind("latency|help", Route.CONNECTION, LatencyCommands.help());
    t.bind("slowlog|get", Route.CONNECTION, SlowlogCommands.get());
    t.bind("slowlog|len", Route.CONNECTION, SlowlogCommands.len());
    t.bind("slowlog|reset", Route.CONNECTION, SlowlogCommands.reset());
    t.bind("slowlog|help", Route.CONNECTION, SlowlogCommands.help());
    t.bind("shutdown", Route.CONNECTION, new Shutdown());

    t.bind("config|get", Route.CONNECTION, new ConfigGet());
    t.bind("config|set", Route.CONNECTION, new ConfigSet());
    t.bind("config|resetstat", Route.CONNECTION, new ConfigResetStat());
    t.bind("config|rewrite", Route.CONNECTION, new ConfigRewrite());
    t.bind("config|help", Route.CONNECTION, ServerHelp.config());

    t.bind("command", Route.CONNECTION, new CommandAll());
    t.bind("command|count", Route.CONNECTION, new CommandCount());
    t.bind("command|info", Route.CONNECTION, new CommandInfo());
    t.bind("command|docs", Route.CONNECTION, new CommandDocs());
    t.bind("command|list", Route.CONNECTION, new CommandList());
    t.bind("command|getkeys", Route.CONNECTION, new CommandGetKeys());
    t.bind("command|help", Route.CONNECTION, ServerHelp.command());
  }
}
