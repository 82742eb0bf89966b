// LuaBitOp ("bit" table): 32-bit bitwise operations as Redis bundles them.
package io.redline.modules.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** bit.tobit, tohex, bnot, band, bor, bxor, lshift, rshift, arshift, rol, ror, bswap. */
final class BitLib {
  private BitLib() {}

  private interface Op { int apply(Varargs a); }

  static LuaTable build() {
    LuaTable t = new LuaTable();
    put(t, "tobit", a -> arg(a, 1));
    put(t, "bnot", a -> ~arg(a, 1));
    put(t, "band", a -> { int r = arg(a, 1); for (int i = 2; i <= a.narg(); i++) r &= arg(a, i); return r; });
    put(t, "bor", a -> { int r = arg(a, 1); for (int i = 2; i <= a.narg(); i++) r |= arg(a, i); return r; });
    put(t, "bxor", a -> { int r = arg(a, 1); for (int i = 2; i <= a.narg(); i++) r ^= arg(a, i); return r; });
    put(t, "lshift", a -> arg(a, 1) << (arg(a, 2) & 31));
    put(t, "rshift", a -> arg(a, 1) >>> (arg(a, 2) & 31));
    put(t, "arshift", a -> arg(a, 1) >> (arg(a, 2) & 31));
    put(t, "rol", a -> Integer.rotateLeft(arg(a, 1), arg(a, 2) & 31));
    put(t, "ror", a -> Integer.rotateRight(arg(a, 1), arg(a, 2) & 31));
    put(t, "bswap", a -> Integer.reverseBytes(arg(a, 1)));
    t.rawset("tohex", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        int b = BitLib.arg(a, 1);
        int n = a.isnoneornil(2) ? 8 : BitLib.arg(a, 2);
        String digits = "0123456789abcdef";
        if (n < 0) {
          n = -n;
          digits = "0123456789ABCDEF";
        }
        if (n > 8) n = 8;
        char[] buf = new char[n];
        for (int i = n - 1; i >= 0; i--) {
          buf[i] = digits.charAt(b & 15);
          b >>>= 4;
        }
        return valueOf(new String(buf));
      }
    });
    return t;
  }

  private static void put(LuaTable t, String name, Op op) {
    t.rawset(name, new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return valueOf((double) op.apply(a)); }
    });
  }

  /** LuaBitOp's normalisation: add 2^52+2^51 and keep the low 32 bits (wraps modulo 2^32). */
  static int arg(Varargs a, int i) {
    LuaValue v = a.arg(i);
    if (!v.isnumber()) {
      throw new LuaError("bad argument #" + i + " to '?' (number expected, got " + (v.isnil() ? "no value" : v.typename()) + ")");
    }
    double d = v.todouble() + 6755399441055744.0;
    return (int) Double.doubleToRawLongBits(d);
  }
}
