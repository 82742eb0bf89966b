// The "struct" table (pack, unpack, size) with Redis's lua_struct format letters.
package io.redline.modules.lua;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Formats: &gt; &lt; = ! (endianness, alignment), x (pad), b B h H l L T i[n] I[n] (integers),
 * f d (floats), c[n] (fixed string; c0 = whole string / previous value as length), s (zero-terminated).
 * Alignment is off (1) until "!" asks for it, as in lua_struct.
 */
final class StructLib {
  private static final int MAXINTSIZE = 32;
  private static final int MAXALIGN = 8;

  private StructLib() {}

  /** C library errors carry the caller's position in Lua 5.1. */
  private static LuaError err(String message) { return new ScriptError(LuaValue.valueOf(message), true); }

  /** Parsing state: one format string walked left to right. */
  private static final class Fmt {
    final byte[] f;
    int i;
    boolean little = true;
    int align = 1;

    final String fname;

    Fmt(byte[] f, String fname) {
      this.f = f;
      this.fname = fname;
    }

    boolean more() { return i < f.length; }

    int num(int df) {
      if (i >= f.length || !Character.isDigit(f[i])) return df;
      long a = 0;
      while (i < f.length && Character.isDigit(f[i])) {
        a = a * 10 + (f[i++] - '0');
        if (a > Integer.MAX_VALUE) throw err("integral size overflow");
      }
      return (int) a;
    }

    int size(int opt) {
      switch (opt) {
        case 'B': case 'b': case 'x': return 1;
        case 'H': case 'h': return 2;
        case 'L': case 'l': case 'T': case 'd': return 8;
        case 'f': return 4;
        case 'c': return num(1);
        case 'i': case 'I': {
          int sz = num(4);
          if (sz > MAXINTSIZE) throw err("integral size " + sz + " is larger than limit of " + MAXINTSIZE);
          return sz;
        }
        default: return 0;
      }
    }

    int toAlign(long len, int opt, int size) {
      if (size == 0 || opt == 'c') return 0;
      if (size > align) size = align;
      return (int) ((size - (len & (size - 1))) & (size - 1));
    }

    void control(int opt) {
      switch (opt) {
        case ' ': return;
        case '>': little = false; return;
        case '<': case '=': little = true; return;
        case '!': {
          int a = num(MAXALIGN);
          if (a <= 0 || (a & (a - 1)) != 0) throw err("alignment " + a + " is not a power of 2");
          align = a;
          return;
        }
        default: throw err("bad argument #1 to '" + fname + "' (invalid format option '" + (char) opt + "')");
      }
    }
  }

  static LuaTable build() {
    LuaTable t = new LuaTable();
    t.rawset("pack", fn(StructLib::pack));
    t.rawset("unpack", fn(StructLib::unpack));
    t.rawset("size", fn(StructLib::size));
    return t;
  }

  private interface Body { Varargs apply(Varargs a); }

  private static VarArgFunction fn(Body b) {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return b.apply(a); }
    };
  }

  private static Varargs pack(Varargs a) {
    Fmt h = new Fmt(LuaConversions.bytes(a.checkstring(1)), "pack");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int arg = 2;
    while (h.more()) {
      int opt = h.f[h.i++];
      int size = h.size(opt);
      int pad = h.toAlign(out.size(), opt, size);
      while (pad-- > 0) out.write(0);
      switch (opt) {
        case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
          double n = a.checkdouble(arg++);
          long v = n < 0 ? (long) n : n >= 9.223372036854775807E18 ? ((long) (n - 9.223372036854775807E18)) ^ Long.MIN_VALUE : (long) n;
          writeInt(out, v, size, h.little);
          break;
        }
        case 'x': out.write(0); break;
        case 'f': writeInt(out, Float.floatToRawIntBits((float) a.checkdouble(arg++)) & 0xffffffffL, 4, h.little); break;
        case 'd': writeInt(out, Double.doubleToRawLongBits(a.checkdouble(arg++)), 8, h.little); break;
        case 'c': case 's': {
          byte[] s = LuaConversions.bytes(a.checkstring(arg));
          if (opt == 's') {
            out.writeBytes(s);
            out.write(0);
          } else {
            if (size == 0) size = s.length;
            if (s.length < size) throw err("bad argument #" + arg + " to 'pack' (string too short)");
            out.write(s, 0, size);
          }
          arg++;
          break;
        }
        default: h.control(opt);
      }
    }
    return LuaValue.valueOf(out.toByteArray());
  }

  private static void writeInt(ByteArrayOutputStream out, long v, int size, boolean little) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[little ? i : size - 1 - i] = (byte) (i < 8 ? v >>> (8 * i) : 0);
    }
    out.writeBytes(b);
  }

  private static long readInt(byte[] d, int pos, int size, boolean little) {
    long v = 0;
    for (int i = 0; i < size; i++) {
      int b = d[pos + (little ? size - 1 - i : i)] & 0xff;
      v = (v << 8) | b;
    }
    return v;
  }

  private static Varargs unpack(Varargs a) {
    Fmt h = new Fmt(LuaConversions.bytes(a.checkstring(1)), "unpack");
    byte[] d = LuaConversions.bytes(a.checkstring(2));
    long start = a.optlong(3, 1) - 1;
    if (start < 0 || start > d.length) throw err("bad argument #3 to 'unpack' (offset must be 1 or greater)");
    int pos = (int) start;
    java.util.List<LuaValue> out = new java.util.ArrayList<>();
    while (h.more()) {
      int opt = h.f[h.i++];
      int size = h.size(opt);
      pos += h.toAlign(pos, opt, size);
      if ((long) pos + size > d.length) throw err("bad argument #2 to 'unpack' (data string too short)");
      switch (opt) {
        case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
          if (size > 8) throw err(size + "-byte integer does not fit into Lua Integer");
          long v = readInt(d, pos, size, h.little);
          boolean signed = Character.isLowerCase(opt);
          if (signed && size < 8 && size > 0 && ((v >>> (size * 8 - 1)) & 1) != 0) v |= -1L << (size * 8);
          double n = signed || v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
          out.add(LuaValue.valueOf(n));
          break;
        }
        case 'x': break;
        case 'f': out.add(LuaValue.valueOf(Float.intBitsToFloat((int) readInt(d, pos, 4, h.little)))); break;
        case 'd': out.add(LuaValue.valueOf(Double.longBitsToDouble(readInt(d, pos, 8, h.little)))); break;
        case 'c': {
          if (size == 0) {
            if (out.isEmpty() || !out.get(out.size() - 1).isnumber()) throw err("format 'c0' needs a previous size");
            size = out.remove(out.size() - 1).toint();
            if ((long) pos + size > d.length) throw err("bad argument #2 to 'unpack' (data string too short)");
          }
          byte[] s = new byte[size];
          System.arraycopy(d, pos, s, 0, size);
          out.add(LuaValue.valueOf(s));
          break;
        }
        case 's': {
          int e = pos;
          while (e < d.length && d[e] != 0) e++;
          if (e >= d.length) throw err("unfinished string in data");
          byte[] s = new byte[e - pos];
          System.arraycopy(d, pos, s, 0, s.length);
          out.add(LuaValue.valueOf(s));
          size = s.length + 1;
          break;
        }
        default: h.control(opt);
      }
      pos += size;
    }
    out.add(LuaValue.valueOf(pos + 1));
    return LuaValue.varargsOf(out.toArray(new LuaValue[0]));
  }

  private static Varargs size(Varargs a) {
    Fmt h = new Fmt(LuaConversions.bytes(a.checkstring(1)), "size");
    long pos = 0;
    while (h.more()) {
      int opt = h.f[h.i++];
      int size = h.size(opt);
      pos += h.toAlign(pos, opt, size);
      if (opt == 's') throw err("bad argument #1 to 'size' (option 's' has no fixed size)");
      if (opt == 'c' && size == 0) throw err("bad argument #1 to 'size' (option 'c0' has no fixed size)");
      if (size == 0) h.control(opt);
      pos += size;
    }
    return LuaValue.valueOf(pos);
  }
}
