// The script environment: a Globals (so LuaJ runs its hooks) that is read-only once frozen.
package io.redline.modules.lua;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * LuaJ only calls the debug hooks (kill check, line tracking) for closures whose environment is a
 * {@link Globals}, so the sandbox's _G is one, with the same refusals as {@link ReadOnlyTable}.
 */
final class ReadOnlyGlobals extends Globals {
  private boolean frozen;

  void freeze() { frozen = true; }

  void put(String key, LuaValue value) {
    boolean was = frozen;
    frozen = false;
    super.rawset(LuaValue.valueOf(key), value);
    frozen = was;
  }

  void initMetatable(LuaValue mt) { super.setmetatable(mt); }

  private void check(boolean fromScript) {
    if (frozen) throw new ScriptError(LuaValue.valueOf(ReadOnlyTable.MESSAGE), fromScript);
  }

  @Override public void set(int key, LuaValue value) { check(true); super.set(key, value); }
  @Override public void set(LuaValue key, LuaValue value) { check(true); super.set(key, value); }
  @Override public void rawset(int key, LuaValue value) { check(false); super.rawset(key, value); }
  @Override public void rawset(LuaValue key, LuaValue value) { check(false); super.rawset(key, value); }
  @Override public void hashset(LuaValue key, LuaValue value) { check(false); super.hashset(key, value); }
  @Override public void insert(int pos, LuaValue value) { check(false); super.insert(pos, value); }
  @Override public LuaValue remove(int pos) { check(false); return super.remove(pos); }
  @Override public void sort(LuaValue comparator) { check(false); super.sort(comparator); }
  @Override public LuaValue setmetatable(LuaValue mt) { check(false); return super.setmetatable(mt); }
}
