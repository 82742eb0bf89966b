// Builds the restricted Lua environment Redis 7.0 gives scripts.
package io.redline.modules.lua;

import java.io.ByteArrayInputStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * The globals scripts see: Lua's base, table, string, math and coroutine libraries plus Redis's
 * own (redis, cjson, cmsgpack, struct, bit); no io, os, package, debug, print or file loading.
 * Every table is read-only, and reading a missing global is an error, as in Redis 7.0.
 */
final class Sandbox {
  private static final String[] BASE = {
    "assert", "collectgarbage", "getmetatable", "ipairs", "next", "pairs", "rawequal",
    "rawget", "rawset", "select", "setmetatable", "tonumber", "type", "xpcall"
  };

  final Globals globals = new Globals();
  final ReadOnlyGlobals env = new ReadOnlyGlobals();
  final RedisRandom random;

  Sandbox(LuaTable redis, KillHook hook) { this(redis, hook, new RedisRandom(), true); }

  /**
   * {@code random}: Redis has one rand48 stream for EVAL and FCALL alike. {@code evalGlobals}:
   * EVAL scripts see KEYS and ARGV globals; functions get them as arguments and have neither.
   */
  Sandbox(LuaTable redis, KillHook hook, RedisRandom random, boolean evalGlobals) {
    this.random = random;
    globals.load(new BaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    globals.load(new StringLib());
    globals.load(new CoroutineLib());
    globals.load(new JseMathLib());
    LoadState.install(globals);
    LuaC.install(globals);
    LoadState.install(env);
    LuaC.install(env);
    env.debuglib = hook;

    for (String name : BASE) env.rawset(name, globals.get(name));
    env.rawset("_VERSION", LuaValue.valueOf("Lua 5.1"));
    env.rawset("tostring", tostring());
    env.rawset("error", error());
    env.rawset("pcall", pcall(globals.get("pcall")));
    env.rawset("gcinfo", gcinfo());
    env.rawset("loadstring", loader());
    env.rawset("load", loader());
    LuaTable table = (LuaTable) globals.get("table");
    env.rawset("unpack", table.get("unpack"));
    Lua51Compat.table(table);
    env.rawset("table", ReadOnlyTable.copyOf(table));
    LuaTable stringLib = (LuaTable) globals.get("string");
    Lua51Compat.string(stringLib);
    ReadOnlyTable string = ReadOnlyTable.copyOf(stringLib);
    env.rawset("string", string);
    LuaTable math = (LuaTable) globals.get("math");
    Lua51Compat.math(math);
    random.install(math);
    env.rawset("math", ReadOnlyTable.copyOf(math));
    env.rawset("coroutine", ReadOnlyTable.copyOf((LuaTable) globals.get("coroutine")));
    env.rawset("redis", ReadOnlyTable.copyOf(redis));
    env.rawset("bit", ReadOnlyTable.copyOf(BitLib.build()));
    env.rawset("struct", ReadOnlyTable.copyOf(StructLib.build()));
    env.rawset("cjson", ReadOnlyTable.copyOf(CjsonLib.build()));
    env.rawset("cmsgpack", ReadOnlyTable.copyOf(CmsgpackLib.build()));
    // Present in Redis 7.0 (set by its own Lua prelude); scripts only ever see it exists.
    env.rawset("__redis__err__handler", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return a.arg1(); }
    });
    env.rawset("_G", env);
    if (evalGlobals) {
      env.put("KEYS", new LuaTable());
      env.put("ARGV", new LuaTable());
    }

    LuaTable stringMeta = new LuaTable();
    stringMeta.rawset(LuaValue.INDEX, string);
    LuaString.s_metatable = ReadOnlyTable.copyOf(stringMeta);

    LuaTable meta = new LuaTable();
    meta.rawset(LuaValue.INDEX, new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        throw new ScriptError(LuaValue.valueOf("Script attempted to access nonexistent global variable '" + a.arg(2).tojstring() + "'"), true);
      }
    });
    env.initMetatable(ReadOnlyTable.copyOf(meta));
    env.freeze();
  }

  /** Compiles text (never bytecode) with the sandbox as its environment. */
  LuaValue compile(byte[] body, String chunkName) {
    return env.load(new ByteArrayInputStream(body), chunkName, "t", env);
  }

  private LuaValue loader() {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        LuaValue chunk = a.arg1();
        if (!chunk.isstring()) return varargsOf(NIL, valueOf("bad argument #1 (string expected)"));
        byte[] body = LuaConversions.bytes(chunk);
        String name = a.arg(2).isstring() ? a.arg(2).tojstring() : "=(load)";
        if (body.length > 0 && body[0] == 27) return varargsOf(NIL, valueOf("attempt to load a binary chunk"));
        try {
          return compile(body, name.startsWith("=") || name.startsWith("@") ? name : "=" + name);
        } catch (org.luaj.vm2.LuaError e) {
          return varargsOf(NIL, valueOf(e.getMessage()));
        }
      }
    };
  }

  private static LuaValue tostring() {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        LuaValue v = a.checkvalue(1);
        if (v.type() == TNUMBER) return valueOf(LuaNumbers.g14(v.todouble()));
        LuaValue h = v.metatag(TOSTRING);
        if (!h.isnil()) return h.call(v);
        return valueOf(v.tojstring());
      }
    };
  }

  /** Lua 5.1's error(), raising a ScriptError so the position is the one Redis reports. */
  private static LuaValue error() {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        LuaValue msg = a.arg1();
        boolean positioned = msg.isstring() && a.optint(2, 1) > 0;
        throw new ScriptError(msg, positioned);
      }
    };
  }

  /** Redis's pcall hands back an error table's "err" text rather than the table. */
  private static LuaValue pcall(LuaValue luaPcall) {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        Varargs r = luaPcall.invoke(a);
        if (r.arg1().toboolean()) return r;
        LuaValue e = r.arg(2);
        if (e.istable() && e.rawget("err").isstring()) return varargsOf(FALSE, e.rawget("err"));
        return r;
      }
    };
  }

  private static LuaValue gcinfo() {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        Runtime rt = Runtime.getRuntime();
        return valueOf((int) ((rt.totalMemory() - rt.freeMemory()) / 1024));
      }
    };
  }
}
