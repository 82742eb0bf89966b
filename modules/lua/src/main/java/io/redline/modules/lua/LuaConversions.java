// Redis 7.0's conversions between RESP replies and Lua values, in both directions.
package io.redline.modules.lua;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** What redis.call hands to Lua, and what a script's return value becomes on the wire. */
final class LuaConversions {
  private LuaConversions() {}

  static byte[] bytes(LuaValue v) {
    LuaString s = v.strvalue();
    byte[] b = new byte[s.m_length];
    System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
    return b;
  }

  static LuaValue singleField(String name, LuaValue value) {
    LuaTable t = new LuaTable();
    t.rawset(name, value);
    return t;
  }

  /** A command reply as Lua sees it. */
  static LuaValue toLua(ScriptReply r) {
    switch (r.type) {
      case INTEGER: return LuaValue.valueOf((double) r.integer);
      case BULK: return LuaValue.valueOf(r.bytes);
      case NULL_BULK: case NULL_ARRAY: return LuaValue.FALSE;
      case NULL: return LuaValue.NIL;
      case STATUS: return singleField("ok", LuaValue.valueOf(r.bytes));
      case ERROR: return singleField("err", LuaValue.valueOf(r.bytes));
      case ARRAY: {
        LuaTable t = new LuaTable(r.elements.size(), 0);
        for (int i = 0; i < r.elements.size(); i++) t.rawset(i + 1, toLua(r.elements.get(i)));
        return t;
      }
      case MAP: {
        LuaTable m = new LuaTable();
        for (int i = 0; i + 1 < r.elements.size(); i += 2) m.rawset(toLua(r.elements.get(i)), toLua(r.elements.get(i + 1)));
        return singleField("map", m);
      }
      case SET: {
        LuaTable s = new LuaTable();
        for (ScriptReply e : r.elements) s.rawset(toLua(e), LuaValue.TRUE);
        return singleField("set", s);
      }
      case DOUBLE: return singleField("double", LuaValue.valueOf(r.dbl));
      case BOOLEAN: return LuaValue.valueOf(r.bool);
      case BIG_NUMBER: return singleField("big_number", LuaValue.valueOf(r.bytes));
      case VERBATIM: {
        LuaTable v = new LuaTable();
        v.rawset("format", LuaValue.valueOf(r.format));
        v.rawset("string", LuaValue.valueOf(r.bytes));
        return singleField("verbatim_string", v);
      }
      default: throw new IllegalStateException(r.type.toString());
    }
  }

  /** A script's return value as a reply; {@code resp} is the protocol the script last set. */
  static ScriptReply toReply(LuaValue v, int resp) {
    switch (v.type()) {
      case LuaValue.TSTRING: return ScriptReply.bulk(bytes(v));
      case LuaValue.TNUMBER: return ScriptReply.integer(toLong(v.todouble()));
      case LuaValue.TBOOLEAN:
        if (resp == 3) return ScriptReply.bool(v.toboolean());
        return v.toboolean() ? ScriptReply.integer(1) : ScriptReply.nullBulk();
      case LuaValue.TTABLE: return tableToReply((LuaTable) v, resp);
      default: return ScriptReply.nullBulk();
    }
  }

  private static long toLong(double d) {
    // C's (long long) cast: truncation; out-of-range values saturate like x86's cvttsd2si.
    if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) return Long.MIN_VALUE;
    return (long) d;
  }

  private static ScriptReply tableToReply(LuaTable t, int resp) {
    LuaValue err = t.rawget("err");
    if (err.type() == LuaValue.TSTRING) return ScriptReply.error(spaces(bytes(err)));
    LuaValue ok = t.rawget("ok");
    if (ok.type() == LuaValue.TSTRING) return ScriptReply.status(spaces(bytes(ok)));
    LuaValue dbl = t.rawget("double");
    if (dbl.type() == LuaValue.TNUMBER) return ScriptReply.dbl(dbl.todouble());
    LuaValue big = t.rawget("big_number");
    if (big.type() == LuaValue.TSTRING) return ScriptReply.bigNumber(new String(spaces(bytes(big)), java.nio.charset.StandardCharsets.ISO_8859_1));
    LuaValue map = t.rawget("map");
    if (map.istable()) {
      List<ScriptReply> kv = new ArrayList<>();
      Varargs n = map.next(LuaValue.NIL);
      for (; !n.arg1().isnil(); n = map.next(n.arg1())) {
        kv.add(toReply(n.arg1(), resp));
        kv.add(toReply(n.arg(2), resp));
      }
      return ScriptReply.map(kv);
    }
    LuaValue set = t.rawget("set");
    if (set.istable()) {
      List<ScriptReply> e = new ArrayList<>();
      for (Varargs n = set.next(LuaValue.NIL); !n.arg1().isnil(); n = set.next(n.arg1())) e.add(toReply(n.arg1(), resp));
      return ScriptReply.set(e);
    }
    LuaValue verb = t.rawget("verbatim_string");
    if (verb.istable() && verb.rawget("format").isstring() && verb.rawget("string").isstring()) {
      return ScriptReply.verbatim(verb.rawget("format").tojstring(), bytes(verb.rawget("string")));
    }
    List<ScriptReply> items = new ArrayList<>();
    for (int i = 1; ; i++) {
      LuaValue e = t.rawget(i);
      if (e.isnil()) break;
      items.add(toReply(e, resp));
    }
    return ScriptReply.array(items);
  }

  private static byte[] spaces(byte[] b) {
    for (int i = 0; i < b.length; i++) if (b[i] == '\r' || b[i] == '\n') b[i] = ' ';
    return b;
  }
}
