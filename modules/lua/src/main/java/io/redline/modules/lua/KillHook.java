// Instruction-count hook: lets SCRIPT KILL stop a running script.
package io.redline.modules.lua;

import java.util.function.Supplier;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
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

  /** The hook of the script running on this thread, for errors raised from Java functions. */
  static final ThreadLocal<KillHook> CURRENT = new ThreadLocal<>();

  private Prototype[] protos = new Prototype[32];
  private int[] pcs = new int[32];
  private int depth;
  private Prototype lastProto;
  private int lastPc;

  void reset() {
    depth = 0;
    lastProto = null;
    count = 0;
    killed = false;
  }

  boolean killed() { return killed; }

  @Override
  public void onInstruction(int pc, Varargs v, int top) {
    if (depth > 0) pcs[depth - 1] = pc;
    if (!killed && ++count < CHECK_EVERY) return;
    count = 0;
    if (killed || Boolean.TRUE.equals(killRequested.get())) {
      killed = true;
      LuaValue err = LuaValue.tableOf();
      err.rawset("err", KILLED);
      throw new ScriptError(err, false);
    }
  }

  @Override public void onCall(LuaFunction f) { push(null); }
  @Override public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) { push(c.p); }

  @Override
  public void onReturn() {
    if (depth == 0) return;
    depth--;
    if (protos[depth] != null) {
      lastProto = protos[depth];
      lastPc = pcs[depth];
    }
  }

  private void push(Prototype p) {
    if (depth == protos.length) {
      protos = java.util.Arrays.copyOf(protos, depth * 2);
      pcs = java.util.Arrays.copyOf(pcs, depth * 2);
    }
    protos[depth] = p;
    pcs[depth++] = 0;
  }

  /**
   * "user_script:3": the innermost running Lua function's current line, or (after a tail call
   * unwound it) the last one that returned, which is what Redis's error handler reports.
   */
  String position() {
    for (int i = depth - 1; i >= 0; i--) if (protos[i] != null) return position(protos[i], pcs[i]);
    return lastProto == null ? null : position(lastProto, lastPc);
  }

  private static String position(Prototype p, int pc) {
    String src = p.source == null ? "?" : p.source.tojstring();
    if (src.startsWith("@") || src.startsWith("=")) src = src.substring(1);
    String line = p.lineinfo != null && pc >= 0 && pc < p.lineinfo.length ? String.valueOf(p.lineinfo[pc]) : "?";
    return src + ":" + line;
  }
  @Override public String traceback(int level) { return ""; }
}
