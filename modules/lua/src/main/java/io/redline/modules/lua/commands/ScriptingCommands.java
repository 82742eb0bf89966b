package io.redline.modules.lua.commands;

import io.redline.command.CommandTable;
import io.redline.command.Route;

/**
 * The Lua module's command bindings (declarations: commands/scripting.json). EVAL and FCALL hold
 * their declared keys' shards and take others as they touch them (Route.SCRIPT); they run one at
 * a time on the script worker. The other commands that touch the engines hold every shard, so
 * they never overlap a script (which always holds at least one). The KILLs, FUNCTION STATS and
 * FUNCTION HELP run on the caller's loop, so they answer while a script runs.
 */
public final class ScriptingCommands {
  private ScriptingCommands() {}

  /** Binds the commands; returns the RDB codec of the function libraries they manage. */
  public static io.redline.persist.AuxCodec register(CommandTable t) {
    Scripting s = new Scripting();
    t.bind("eval", Route.SCRIPT, new Eval(s, false, false));
    t.bind("evalsha", Route.SCRIPT, new Eval(s, true, false));
    t.bind("eval_ro", Route.SCRIPT, new Eval(s, false, true));
    t.bind("evalsha_ro", Route.SCRIPT, new Eval(s, true, true));
    t.bind("script|load", Route.ALL_SHARDS, ScriptSubcommands.load(s));
    t.bind("script|exists", Route.ALL_SHARDS, ScriptSubcommands.exists(s));
    t.bind("script|flush", Route.ALL_SHARDS, ScriptSubcommands.flush(s));
    t.bind("script|kill", Route.CONNECTION, ScriptSubcommands.kill(s));
    t.bind("script|help", Route.CONNECTION, ScriptSubcommands.help());
    t.bind("fcall", Route.SCRIPT, new Fcall(s, false));
    t.bind("fcall_ro", Route.SCRIPT, new Fcall(s, true));
    t.bind("function|load", Route.ALL_SHARDS, new FunctionLoad(s));
    t.bind("function|list", Route.ALL_SHARDS, new FunctionList(s));
    t.bind("function|delete", Route.ALL_SHARDS, FunctionSubcommands.delete(s));
    t.bind("function|flush", Route.ALL_SHARDS, FunctionSubcommands.flush(s));
    t.bind("function|dump", Route.ALL_SHARDS, FunctionSubcommands.dump(s));
    t.bind("function|restore", Route.ALL_SHARDS, new FunctionRestore(s));
    t.bind("function|stats", Route.CONNECTION, new FunctionStats(s));
    t.bind("function|kill", Route.CONNECTION, FunctionSubcommands.kill(s));
    t.bind("function|help", Route.CONNECTION, FunctionSubcommands.help());
    return new FunctionsAuxCodec(s);
  }
}
