// The "cmsgpack" table: MessagePack pack/unpack with lua_cmsgpack's choice of encodings.
package io.redline.modules.lua;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Integral numbers take the smallest int encoding, other numbers a float32 when exact else a
 * float64; tables whose keys are exactly 1..n are arrays, others maps; nesting past 16 packs nil.
 */
final class CmsgpackLib {
  private static final int MAX_NESTING = 16;

  private CmsgpackLib() {}

  private static LuaError err(String m) { return new ScriptError(LuaValue.valueOf(m), true); }

  static LuaTable build() {
    LuaTable t = new LuaTable();
    t.rawset("pack", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        if (a.narg() == 0) throw err("bad argument #0 to 'pack' (MessagePack pack needs input.)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= a.narg(); i++) encode(a.arg(i), out, 0);
        return valueOf(out.toByteArray());
      }
    });
    t.rawset("unpack", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        Decoder d = new Decoder(LuaConversions.bytes(a.checkstring(1)), 0);
        List<LuaValue> out = new ArrayList<>();
        while (d.pos < d.s.length) out.add(d.value());
        return varargsOf(out.toArray(new LuaValue[0]));
      }
    });
    t.rawset("unpack_one", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return limited(LuaConversions.bytes(a.checkstring(1)), 1, a.optint(2, 0)); }
    });
    t.rawset("unpack_limit", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return limited(LuaConversions.bytes(a.checkstring(1)), a.checkint(2), a.optint(3, 0)); }
    });
    t.rawset("_NAME", "cmsgpack");
    t.rawset("_VERSION", "lua-cmsgpack 0.4.0");
    t.rawset("_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo");
    t.rawset("_DESCRIPTION", "MessagePack C implementation for Lua");
    return t;
  }

  /** Up to {@code limit} values (all when 0) from {@code offset}; first result: next offset, -1 at the end. */
  private static Varargs limited(byte[] s, int limit, int offset) {
    if (offset < 0 || offset > s.length) throw err("bad argument #" + (limit == 1 ? 2 : 3) + " (offset out of range)");
    Decoder d = new Decoder(s, offset);
    List<LuaValue> out = new ArrayList<>();
    out.add(LuaValue.NIL);
    while (d.pos < s.length && (limit <= 0 || out.size() - 1 < limit)) out.add(d.value());
    out.set(0, LuaValue.valueOf(d.pos >= s.length ? -1 : d.pos));
    return LuaValue.varargsOf(out.toArray(new LuaValue[0]));
  }

  private static void encode(LuaValue v, ByteArrayOutputStream out, int level) {
    switch (v.type()) {
      case LuaValue.TNIL -> out.write(0xc0);
      case LuaValue.TBOOLEAN -> out.write(v.toboolean() ? 0xc3 : 0xc2);
      case LuaValue.TNUMBER -> number(v.todouble(), out);
      case LuaValue.TSTRING -> {
        byte[] b = LuaConversions.bytes(v);
        header(b.length, 0xa0, 31, 0xd9, 0xda, 0xdb, out);
        out.writeBytes(b);
      }
      case LuaValue.TTABLE -> {
        if (level >= MAX_NESTING) {
          out.write(0xc0);
          return;
        }
        table((LuaTable) v, out, level + 1);
      }
      default -> out.write(0xc0);
    }
  }

  private static void number(double d, ByteArrayOutputStream out) {
    if (!Double.isInfinite(d) && !Double.isNaN(d) && (double) (long) d == d) {
      integer((long) d, out);
    } else if ((double) (float) d == d || Double.isNaN(d)) {
      out.write(0xca);
      big(Float.floatToIntBits((float) d) & 0xffffffffL, 4, out);
    } else {
      out.write(0xcb);
      big(Double.doubleToRawLongBits(d), 8, out);
    }
  }

  private static void integer(long n, ByteArrayOutputStream out) {
    if (n >= 0) {
      if (n <= 127) out.write((int) n);
      else if (n <= 0xff) { out.write(0xcc); big(n, 1, out); }
      else if (n <= 0xffff) { out.write(0xcd); big(n, 2, out); }
      else if (n <= 0xffffffffL) { out.write(0xce); big(n, 4, out); }
      else { out.write(0xcf); big(n, 8, out); }
    } else {
      if (n >= -32) out.write((int) n & 0xff);
      else if (n >= -128) { out.write(0xd0); big(n, 1, out); }
      else if (n >= -32768) { out.write(0xd1); big(n, 2, out); }
      else if (n >= Integer.MIN_VALUE) { out.write(0xd2); big(n, 4, out); }
      else { out.write(0xd3); big(n, 8, out); }
    }
  }

  /** A length header: fix form up to {@code fixMax} (none when 8-bit code is 0), then 8/16/32-bit. */
  private static void header(int n, int fix, int fixMax, int c8, int c16, int c32, ByteArrayOutputStream out) {
    if (n <= fixMax) out.write(fix | n);
    else if (c8 != 0 && n <= 0xff) { out.write(c8); big(n, 1, out); }
    else if (n <= 0xffff) { out.write(c16); big(n, 2, out); }
    else { out.write(c32); big(n, 4, out); }
  }

  private static void big(long v, int size, ByteArrayOutputStream out) {
    for (int i = size - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xff);
  }

  private static void table(LuaTable t, ByteArrayOutputStream out, int level) {
    long count = 0;
    double max = 0;
    boolean array = true;
    for (Varargs n = t.next(LuaValue.NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
      count++;
      LuaValue k = n.arg1();
      if (k.type() != LuaValue.TNUMBER || k.todouble() < 1 || k.todouble() != Math.floor(k.todouble())) array = false;
      else max = Math.max(max, k.todouble());
    }
    if (array && max == count) {
      int len = t.length();
      header(len, 0x90, 15, 0, 0xdc, 0xdd, out);
      for (int i = 1; i <= len; i++) encode(t.rawget(i), out, level);
      return;
    }
    header((int) count, 0x80, 15, 0, 0xde, 0xdf, out);
    for (Varargs n = t.next(LuaValue.NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
      encode(n.arg1(), out, level);
      encode(n.arg(2), out, level);
    }
  }

  /** Reads one MessagePack value at a time from {@link #pos}. */
  private static final class Decoder {
    final byte[] s;
    int pos;

    Decoder(byte[] s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    private long read(int size) {
      if (pos + size > s.length) throw err("Missing bytes in input.");
      long v = 0;
      for (int i = 0; i < size; i++) v = (v << 8) | (s[pos++] & 0xff);
      return v;
    }

    private LuaValue str(int len) {
      if (len < 0 || pos + len > s.length) throw err("Missing bytes in input.");
      byte[] b = new byte[len];
      System.arraycopy(s, pos, b, 0, len);
      pos += len;
      return LuaValue.valueOf(b);
    }

    private LuaValue array(long n) {
      LuaTable t = new LuaTable();
      for (int i = 1; i <= n; i++) t.rawset(i, value());
      return t;
    }

    private LuaValue map(long n) {
      LuaTable t = new LuaTable();
      for (long i = 0; i < n; i++) {
        LuaValue k = value();
        LuaValue v = value();
        if (!k.isnil()) t.rawset(k, v);
      }
      return t;
    }

    LuaValue value() {
      int c = (int) read(1);
      if (c <= 0x7f) return LuaValue.valueOf(c);
      if (c >= 0xe0) return LuaValue.valueOf((byte) c);
      if (c >= 0xa0 && c <= 0xbf) return str(c & 31);
      if (c >= 0x90 && c <= 0x9f) return array(c & 15);
      if (c >= 0x80 && c <= 0x8f) return map(c & 15);
      switch (c) {
        case 0xc0: return LuaValue.NIL;
        case 0xc2: return LuaValue.FALSE;
        case 0xc3: return LuaValue.TRUE;
        case 0xca: return LuaValue.valueOf(Float.intBitsToFloat((int) read(4)));
        case 0xcb: return LuaValue.valueOf(Double.longBitsToDouble(read(8)));
        case 0xcc: return LuaValue.valueOf(read(1));
        case 0xcd: return LuaValue.valueOf(read(2));
        case 0xce: return LuaValue.valueOf((double) read(4));
        case 0xcf: return LuaValue.valueOf((double) read(8)); // Redis reads uint64 as signed
        case 0xd0: return LuaValue.valueOf((byte) read(1));
        case 0xd1: return LuaValue.valueOf((short) read(2));
        case 0xd2: return LuaValue.valueOf((int) read(4));
        case 0xd3: return LuaValue.valueOf((double) read(8));
        case 0xd9: return str((int) read(1));
        case 0xda: return str((int) read(2));
        case 0xdb: return str((int) read(4));
        case 0xdc: return array(read(2));
        case 0xdd: return array(read(4));
        case 0xde: return map(read(2));
        case 0xdf: return map(read(4));
        default: throw err("Bad data format in input.");
      }
    }
  }
}
