// math.random / math.randomseed as Redis 7.0 defines them: one rand48 stream for the server.
package io.redline.modules.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Redis 7.0 no longer reseeds per script (scripts replicate by effects). */
final class RedisRandom {
  private static final long A = 0x5DEECE66DL;
  private static final long MASK = (1L << 48) - 1;
  private static final int LRAND48_MAX = Integer.MAX_VALUE;
  private long x;

  /** rand48's unseeded state, where a fresh Redis 7.0 starts; the stream then runs across scripts. */
  RedisRandom() { x = 0x1234ABCD330EL; }

  void seed(int s) { x = ((long) (s & 0xffffffffL) << 16 | 0x330E) & MASK; }

  private int lrand48() {
    x = (A * x + 0xB) & MASK;
    return (int) (x >>> 17);
  }

  void install(LuaTable math) {
    math.rawset("random", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        double r = (double) (lrand48() % LRAND48_MAX) / (double) LRAND48_MAX;
        switch (a.narg()) {
          case 0: return valueOf(r);
          case 1: {
            int u = a.checkint(1);
            if (u < 1) throw new ScriptError(valueOf("bad argument #1 to 'random' (interval is empty)"), true);
            return valueOf(Math.floor(r * u) + 1);
          }
          case 2: {
            int l = a.checkint(1);
            int u = a.checkint(2);
            if (l > u) throw new ScriptError(valueOf("bad argument #2 to 'random' (interval is empty)"), true);
            return valueOf(Math.floor(r * (u - l + 1)) + l);
          }
          default: throw new ScriptError(valueOf("wrong number of arguments"), true);
        }
      }
    });
    math.rawset("randomseed", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        seed(a.checkint(1));
        return NONE;
      }
    });
  }
}
