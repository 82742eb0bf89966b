// A Lua error raised by the sandbox or the redis library, formatted as Lua 5.1 formats it.
package io.redline.modules.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * LuaJ writes positions as "@chunk:line msg"; Lua 5.1 (and so Redis) writes "chunk:line: msg".
 * String messages with {@code positioned} get that prefix once a Lua frame has stamped the line.
 */
final class ScriptError extends LuaError {
  private final LuaValue value;
  private final boolean positioned;

  ScriptError(LuaValue value, boolean positioned) {
    super(value.isstring() ? value.tojstring() : "error object");
    this.value = value;
    this.positioned = positioned;
    KillHook hook = KillHook.CURRENT.get();
    this.captured = hook == null ? null : hook.position();
  }

  private final String captured;

  LuaValue value() { return value; }

  boolean positioned() { return positioned; }

  /** "user_script:3" once LuaJ has stamped the frame, else null. */
  String position() {
    if (captured != null) return captured;
    return fileline == null ? null : fileline.startsWith("@") ? fileline.substring(1) : fileline;
  }

  @Override
  public String getMessage() {
    String p = position();
    if (!value.isstring()) return "error object";
    return positioned && p != null ? p + ": " + value.tojstring() : value.tojstring();
  }

  @Override
  public LuaValue getMessageObject() {
    return value.isstring() && !value.isnumber() ? LuaValue.valueOf(getMessage()) : value;
  }

  /** The raw fileline of any LuaError (protected in LuaJ), or null. */
  static String positionOf(LuaError e) {
    if (e instanceof ScriptError s) return s.position();
    try {
      java.lang.reflect.Field f = LuaError.class.getDeclaredField("fileline");
      f.setAccessible(true);
      String fl = (String) f.get(e);
      return fl == null ? null : fl.startsWith("@") ? fl.substring(1) : fl;
    } catch (ReflectiveOperationException ex) {
      return null;
    }
  }
}
