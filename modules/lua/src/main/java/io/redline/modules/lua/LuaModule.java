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

  @Override
  public void registerCommands(CommandTable table) { ScriptingCommands.register(table); }
}
