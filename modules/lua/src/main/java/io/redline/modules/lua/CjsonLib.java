// The "cjson" table: JSON encode/decode with lua-cjson's behaviour as bundled in Redis 7.0.
package io.redline.modules.lua;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * encode: numbers with 14 significant digits, arrays when every key is a positive integer (holes
 * become null, "excessively sparse" past ratio 2 and 10 items), "/" escaped; decode: JSON null is
 * {@link #NULL}. Object key order follows the table's iteration order, which LuaJ does not share
 * with Lua 5.1.
 */
final class CjsonLib {
  static final LuaValue NULL = new LuaUserdata(new Object());
  private static final int MAX_DEPTH = 1000;

  private CjsonLib() {}

  static LuaTable build() {
    LuaTable t = new LuaTable();
    t.rawset("encode", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        if (a.narg() != 1) throw err("bad argument #1 to 'encode' (expected 1 argument)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(a.arg1(), out, 0);
        return valueOf(out.toByteArray());
      }
    });
    t.rawset("decode", new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        if (a.narg() != 1) throw err("bad argument #1 to 'decode' (expected 1 argument)");
        return new JsonDecoder(LuaConversions.bytes(a.checkstring(1))).decodeAll();
      }
    });
    t.rawset("null", NULL);
    t.rawset("_NAME", "cjson");
    return t;
  }

  static LuaError err(String message) { return new ScriptError(LuaValue.valueOf(message), true); }

  private static void encode(LuaValue v, ByteArrayOutputStream out, int depth) {
    switch (v.type()) {
      case LuaValue.TSTRING -> string(LuaConversions.bytes(v), out);
      case LuaValue.TNUMBER -> out.writeBytes(number(v.todouble()));
      case LuaValue.TBOOLEAN -> out.writeBytes(ascii(v.toboolean() ? "true" : "false"));
      case LuaValue.TNIL -> out.writeBytes(ascii("null"));
      case LuaValue.TTABLE -> table((LuaTable) v, out, depth + 1);
      default -> {
        if (v == NULL) out.writeBytes(ascii("null"));
        else throw err("Cannot serialise " + v.typename() + ": type not supported");
      }
    }
  }

  private static byte[] number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw err("Cannot serialise number: must not be NaN or Inf");
    return ascii(LuaNumbers.g14(d));
  }

  private static void table(LuaTable t, ByteArrayOutputStream out, int depth) {
    if (depth > MAX_DEPTH) throw err("Cannot serialise, excessive nesting (" + depth + ")");
    int length = arrayLength(t);
    if (length > 0) {
      out.write('[');
      for (int i = 1; i <= length; i++) {
        if (i > 1) out.write(',');
        encode(t.rawget(i), out, depth);
      }
      out.write(']');
      return;
    }
    out.write('{');
    boolean first = true;
    for (Varargs n = t.next(LuaValue.NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
      LuaValue k = n.arg1();
      if (!first) out.write(',');
      first = false;
      if (k.type() == LuaValue.TNUMBER) {
        out.write('"');
        out.writeBytes(number(k.todouble()));
        out.write('"');
      } else if (k.type() == LuaValue.TSTRING) {
        string(LuaConversions.bytes(k), out);
      } else {
        throw err("Cannot serialise table: table key must be a number or string");
      }
      out.write(':');
      encode(n.arg(2), out, depth);
    }
    out.write('}');
  }

  /** The array length when every key is a positive integer, else -1 (an object). */
  private static int arrayLength(LuaTable t) {
    double max = 0;
    int items = 0;
    for (Varargs n = t.next(LuaValue.NIL); !n.arg1().isnil(); n = t.next(n.arg1())) {
      LuaValue k = n.arg1();
      if (k.type() != LuaValue.TNUMBER) return -1;
      double d = k.todouble();
      if (d < 1 || d != Math.floor(d)) return -1;
      max = Math.max(max, d);
      items++;
    }
    if (max > 10 && max > items * 2.0) throw err("Cannot serialise table: excessively sparse array");
    return (int) max;
  }

  private static void string(byte[] s, ByteArrayOutputStream out) {
    out.write('"');
    for (byte b : s) {
      int c = b & 0xff;
      switch (c) {
        case '"' -> out.writeBytes(ascii("\\\""));
        case '\\' -> out.writeBytes(ascii("\\\\"));
        case '/' -> out.writeBytes(ascii("\\/"));
        case '\b' -> out.writeBytes(ascii("\\b"));
        case '\f' -> out.writeBytes(ascii("\\f"));
        case '\n' -> out.writeBytes(ascii("\\n"));
        case '\r' -> out.writeBytes(ascii("\\r"));
        case '\t' -> out.writeBytes(ascii("\\t"));
        default -> {
          if (c < 0x20 || c == 0x7f) out.writeBytes(ascii(String.format("\\u%04x", c)));
          else out.write(c);
        }
      }
    }
    out.write('"');
  }

  static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
