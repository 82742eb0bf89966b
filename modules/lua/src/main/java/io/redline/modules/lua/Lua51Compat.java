// Lua 5.1 library functions that LuaJ (a 5.2 implementation) lacks, and 5.2 ones Redis lacks.
package io.redline.modules.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Brings LuaJ's table, string and math tables to exactly Redis's Lua 5.1 contents. */
final class Lua51Compat {
  private Lua51Compat() {}

  private interface Body { Varargs apply(Varargs a); }

  private static VarArgFunction fn(Body b) {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return b.apply(a); }
    };
  }

  static void table(LuaTable t) {
    t.rawset("pack", LuaValue.NIL);
    t.rawset("unpack", LuaValue.NIL);
    t.rawset("getn", fn(a -> LuaValue.valueOf(a.checktable(1).length())));
    t.rawset("setn", fn(a -> { throw new LuaError("'setn' is obsolete"); }));
    t.rawset("maxn", fn(a -> {
      LuaTable tab = a.checktable(1);
      double max = 0;
      for (Varargs n = tab.next(LuaValue.NIL); !n.arg1().isnil(); n = tab.next(n.arg1())) {
        if (n.arg1().type() == LuaValue.TNUMBER) max = Math.max(max, n.arg1().todouble());
      }
      return LuaValue.valueOf(max);
    }));
    t.rawset("foreach", fn(a -> {
      LuaTable tab = a.checktable(1);
      LuaValue f = a.checkfunction(2);
      for (Varargs n = tab.next(LuaValue.NIL); !n.arg1().isnil(); n = tab.next(n.arg1())) {
        LuaValue r = f.call(n.arg1(), n.arg(2));
        if (!r.isnil()) return r;
      }
      return LuaValue.NIL;
    }));
    t.rawset("foreachi", fn(a -> {
      LuaTable tab = a.checktable(1);
      LuaValue f = a.checkfunction(2);
      int len = tab.length();
      for (int i = 1; i <= len; i++) {
        LuaValue r = f.call(LuaValue.valueOf(i), tab.rawget(i));
        if (!r.isnil()) return r;
      }
      return LuaValue.NIL;
    }));
  }

  static void string(LuaTable s) {
    s.rawset("format", new StringFormat());
    s.rawset("gfind", s.rawget("gmatch"));
  }

  static void math(LuaTable m) {
    m.rawset("log10", fn(a -> LuaValue.valueOf(Math.log10(a.checkdouble(1)))));
    m.rawset("mod", m.rawget("fmod"));
    m.rawset("log", fn(a -> LuaValue.valueOf(Math.log(a.checkdouble(1)))));
  }
}
