package io.redline.modules.lua;

import io.redline.command.CommandTable;
import io.redline.module.RedlineModule;
import io.redline.modules.lua.commands.ScriptingCommands;
import java.util.List;

/** Lua scripting (EVAL, SCRIPT, FUNCTION, FCALL) on LuaJ; see docs/scripting.md. */
public final class LuaModule implements RedlineModule {
  @Override
  public String name() { return "lua"; }

  @Override
  public List<String> declarationGroups() { return List.of("scripting"); }

  private io.redline.persist.AuxCodec functionLibraries;

  @Override
  public void registerCommands(CommandTable table) { functionLibraries = ScriptingCommands.register(table); }

  /** Function libraries are saved in RDB files (and so in DEBUG RELOAD and restarts), as in Redis. */
  @Override
  public List<io.redline.persist.AuxCodec> auxCodecs() {
    return functionLibraries == null ? List.of() : List.of(functionLibraries);
  }
}
