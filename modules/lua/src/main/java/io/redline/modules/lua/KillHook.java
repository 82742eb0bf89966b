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
 * "debug" table, it only counts instructions and asks {@code killRequested} (or, while FUNCTION
 * LOAD runs a library, the clock) every so often. Once stopped it keeps raising, so a pcall in
 * the script cannot swallow the stop.
 */
final class KillHook extends DebugLib {
  static final String KILLED = "ERR Script killed by user with SCRIPT KILL...";
  private static final int CHECK_EVERY = 100_000;
  private final Supplier<Boolean> killRequested;
  static final String LOAD_TIMEOUT = "ERR FUNCTION LOAD timeout";
  private int count;
  /** Once set, raised at every instruction: a pcall in the script cannot swallow a stop. */
  private LuaValue stop;
  /** For FUNCTION LOAD: System.nanoTime() past which the library's code is stopped (0 = none). */
  private long deadline;

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
    stop = null;
    deadline = 0;
  }

  /**
   * FUNCTION LOAD runs a library's top-level code under a time limit rather than SCRIPT KILL, as
   * Redis does (500 ms); call after {@link #reset()}.
   */
  void deadlineAfter(long millis) {
    long d = System.nanoTime() + millis * 1_000_000;
    deadline = d == 0 ? 1 : d;
  }

  @Override
  public void onInstruction(int pc, Varargs v, int top) {
    if (depth > 0) pcs[depth - 1] = pc;
    if (stop == null && ++count < CHECK_EVERY) return;
    count = 0;
    if (stop == null) {
      if (deadline != 0) {
        if (System.nanoTime() - deadline > 0) stop = errorTable(LOAD_TIMEOUT);
      } else if (Boolean.TRUE.equals(killRequested.get())) {
        stop = errorTable(KILLED);
      }
    }
    if (stop != null) throw new ScriptError(stop, false);
  }

  private static LuaValue errorTable(String text) {
    LuaValue err = LuaValue.tableOf();
    err.rawset("err", text);
    return err;
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
