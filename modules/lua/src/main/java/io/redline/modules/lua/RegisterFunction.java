// redis.register_function: how a library's load-time code declares its functions.
package io.redline.modules.lua;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Positional {@code register_function(name, callback)} or named
 * {@code register_function{function_name=, callback=, flags={...}, description=}}, with Redis
 * 7.0's checks and error texts. Only works while FUNCTION LOAD (or RESTORE) runs a library.
 */
final class RegisterFunction extends VarArgFunction {
  /** The flags scripts and functions may declare, in the order Redis lists them. */
  static final List<String> FLAGS = List.of("no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys");

  private final Supplier<FunctionLibrary> loading;

  RegisterFunction(Supplier<FunctionLibrary> loading) { this.loading = loading; }

  private static ScriptError raise(String message) {
    return new ScriptError(RedisLib.errTable(RedisLib.bytes("ERR " + message)), false);
  }

  @Override
  public Varargs invoke(Varargs a) {
    FunctionLibrary lib = loading.get();
    if (lib == null) throw raise("redis.register_function can only be called on FUNCTION LOAD command");
    if (a.narg() < 1 || a.narg() > 2) throw raise("wrong number of arguments to redis.register_function");
    String name;
    LuaFunction callback;
    byte[] description = null;
    Set<String> flags = Set.of();
    if (a.narg() == 2) {
      name = text(a.arg(1));
      if (name == null) throw raise("first argument to redis.register_function must be a string");
      if (!a.arg(2).isfunction()) throw raise("second argument to redis.register_function must be a function");
      callback = (LuaFunction) a.arg(2);
    } else {
      LuaValue t = a.arg1();
      if (!t.istable()) {
        throw raise("calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
      }
      name = null;
      callback = null;
      for (Varargs n = t.next(LuaValue.NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
        String key = text(n.arg1());
        LuaValue v = n.arg(2);
        if (key == null) throw raise("named argument key given to redis.register_function is not a string");
        if (key.equalsIgnoreCase("function_name")) {
          name = text(v);
          if (name == null) throw raise("function_name argument given to redis.register_function must be a string");
        } else if (key.equalsIgnoreCase("description")) {
          if (!v.isstring()) throw raise("description argument given to redis.register_function must be a string");
          description = v.type() == LuaValue.TNUMBER ? RedisLib.bytes(LuaNumbers.g14(v.todouble())) : LuaConversions.bytes(v);
        } else if (key.equalsIgnoreCase("callback")) {
          if (!v.isfunction()) throw raise("callback argument given to redis.register_function must be a function");
          callback = (LuaFunction) v;
        } else if (key.equalsIgnoreCase("flags")) {
          if (!v.istable()) throw raise("flags argument to redis.register_function must be a table representing function flags");
          flags = flags(v);
          if (flags == null) throw raise("unknown flag given");
        } else {
          throw raise("unknown argument given to redis.register_function");
        }
      }
      if (name == null) throw raise("redis.register_function must get a function name argument");
      if (callback == null) throw raise("redis.register_function must get a callback argument");
    }
    // Redis 7.0 reuses the library-name text for a bad function name.
    if (!LibraryCode.validName(name)) {
      throw raise("Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
    }
    if (lib.has(name)) throw raise("Function already exists in the library");
    lib.add(new FunctionLibrary.Function(name, callback, description, flags, lib));
    return NONE;
  }

  /** A string argument as lua_tostring gives it (numbers in %.14g), or null for other types. */
  private static String text(LuaValue v) {
    if (v.type() == LuaValue.TNUMBER) return LuaNumbers.g14(v.todouble());
    if (v.type() != LuaValue.TSTRING) return null;
    return new String(LuaConversions.bytes(v), StandardCharsets.ISO_8859_1);
  }

  /** The flags table's strings, 1..n until the first nil; null if one is not a known flag. */
  private static Set<String> flags(LuaValue table) {
    Set<String> given = new java.util.HashSet<>();
    for (int j = 1; ; j++) {
      LuaValue v = table.get(j);
      if (v.isnil()) break;
      String f = text(v);
      if (f == null) return null;
      String known = null;
      for (String k : FLAGS) if (k.equalsIgnoreCase(f)) known = k;
      if (known == null) return null;
      given.add(known);
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String k : FLAGS) if (given.contains(k)) ordered.add(k);
    return ordered;
  }
}
