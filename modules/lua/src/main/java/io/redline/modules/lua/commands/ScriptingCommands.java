package io.redline.modules.lua.commands;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/**
 * The Lua module's commands, found by the core through ServiceLoader (commands/scripting.json).
 * All of them hold every shard, which also serialises use of the one engine per server.
 */
public final class ScriptingCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("scripting");
  }

  @Override
  public void register(CommandTable t) {
    Scripting s = new Scripting();
    t.bind("eval", Route.ALL_SHARDS, new Eval(s, false, false));
    t.bind("evalsha", Route.ALL_SHARDS, new Eval(s, true, false));
    t.bind("eval_ro", Route.ALL_SHARDS, new Eval(s, false, true));
    t.bind("evalsha_ro", Route.ALL_SHARDS, new Eval(s, true, true));
    t.bind("script|load", Route.ALL_SHARDS, ScriptSubcommands.load(s));
    t.bind("script|exists", Route.ALL_SHARDS, ScriptSubcommands.exists(s));
    t.bind("script|flush", Route.ALL_SHARDS, ScriptSubcommands.flush(s));
  }
}
