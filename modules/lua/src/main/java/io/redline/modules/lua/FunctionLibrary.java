// One loaded function library: its name, its code, the functions it registered.
package io.redline.modules.lua;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaFunction;

/** A library as FUNCTION LIST shows it; functions are keyed by their exact name, as in Redis. */
public final class FunctionLibrary {
  /** One function: its name as registered, its Lua callback, description (or null) and flags. */
  public record Function(String name, LuaFunction callback, byte[] description, Set<String> flags, FunctionLibrary library) { }

  private final String name;
  private final byte[] code;
  private final Map<String, Function> functions = new LinkedHashMap<>();

  FunctionLibrary(String name, byte[] code) {
    this.name = name;
    this.code = code;
  }

  public String name() { return name; }

  /** The full code, shebang included (FUNCTION LIST WITHCODE, FUNCTION DUMP). */
  public byte[] code() { return code; }

  public Collection<Function> functions() { return Collections.unmodifiableCollection(functions.values()); }

  boolean has(String functionName) { return functions.containsKey(functionName); }

  void add(Function f) { functions.put(f.name(), f); }
}
