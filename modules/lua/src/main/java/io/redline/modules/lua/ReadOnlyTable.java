// A Lua table that refuses every change once frozen, as Redis 7.0's readonly tables do.
package io.redline.modules.lua;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** Globals, library tables and the string metatable: frozen after the sandbox is built. */
final class ReadOnlyTable extends LuaTable {
  static final String MESSAGE = "Attempt to modify a readonly table";
  private boolean frozen;

  void freeze() { frozen = true; }

  /** Per-call slots (KEYS, ARGV) the engine itself still writes. */
  void put(String key, LuaValue value) {
    boolean was = frozen;
    frozen = false;
    super.rawset(LuaValue.valueOf(key), value);
    frozen = was;
  }

  static ReadOnlyTable copyOf(LuaTable source) {
    ReadOnlyTable t = new ReadOnlyTable();
    LuaValue k = LuaValue.NIL;
    while (true) {
      org.luaj.vm2.Varargs n = source.next(k);
      if ((k = n.arg1()).isnil()) break;
      t.rawset(k, n.arg(2));
    }
    t.freeze();
    return t;
  }

  private void check(boolean fromScript) {
    // Script-level stores get a position prefix (like any runtime error); rawset does not.
    if (frozen) throw new ScriptError(LuaValue.valueOf(MESSAGE), fromScript);
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
