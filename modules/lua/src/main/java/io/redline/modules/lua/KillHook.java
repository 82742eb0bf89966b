// Instruction-count hook: lets SCRIPT KILL stop a running script.
package io.redline.modules.lua;

import java.util.function.Supplier;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * LuaJ calls the globals' DebugLib on every instruction; this one is never installed as the
 * "debug" table, it only counts instructions and asks {@code killRequested} every so often. Once
 * killed it keeps raising, so a pcall in the script cannot swallow the kill.
 */
final class KillHook extends DebugLib {
  static final String KILLED = "ERR Script killed by user with SCRIPT KILL...";
  private static final int CHECK_EVERY = 100_000;
  private final Supplier<Boolean> killRequested;
  private int count;
  private boolean killed;

  KillHook(Supplier<Boolean> killRequested) { this.killRequested = killRequested; }

  void reset() {
    count = 0;
    killed = false;
  }

  boolean killed() { return killed; }

  @Override
  public void onInstruction(int pc, Varargs v, int top) {
    if (!killed && ++count < CHECK_EVERY) return;
    count = 0;
    if (killed || Boolean.TRUE.equals(killRequested.get())) {
      killed = true;
      LuaValue err = LuaValue.tableOf();
      err.rawset("err", KILLED);
      throw new ScriptError(err, false);
    }
  }

  @Override public void onCall(LuaFunction f) {}
  @Override public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {}
  @Override public void onReturn() {}
  @Override public String traceback(int level) { return ""; }
}
