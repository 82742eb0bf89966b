package io.redline.modules.lua.commands;

import io.redline.command.CommandTable;
import io.redline.command.Route;

/**
 * The Lua module's command bindings (declarations: commands/scripting.json). All but the KILLs
 * hold every shard, which also serialises use of the one engine per server.
 */
public final class ScriptingCommands {
  private ScriptingCommands() {}

  public static void register(CommandTable t) {
    Scripting s = new Scripting();
    t.bind("eval", Route.ALL_SHARDS, new Eval(s, false, false));
    t.bind("evalsha", Route.ALL_SHARDS, new Eval(s, true, false));
    t.bind("eval_ro", Route.ALL_SHARDS, new Eval(s, false, true));
    t.bind("evalsha_ro", Route.ALL_SHARDS, new Eval(s, true, true));
    t.bind("script|load", Route.ALL_SHARDS, ScriptSubcommands.load(s));
    t.bind("script|exists", Route.ALL_SHARDS, ScriptSubcommands.exists(s));
    t.bind("script|flush", Route.ALL_SHARDS, ScriptSubcommands.flush(s));
    t.bind("script|kill", Route.CONNECTION, ScriptSubcommands.kill(s));
  }
}
