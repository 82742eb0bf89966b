// cjson.decode: JSON text to Lua values, with lua-cjson's error texts.
package io.redline.modules.lua;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** A recursive-descent parser over bytes; errors read "Expected X but found Y at character N". */
final class JsonDecoder {
  private static final int MAX_DEPTH = 1000;
  private final byte[] s;
  private int i;

  JsonDecoder(byte[] s) { this.s = s; }

  LuaValue decodeAll() {
    LuaValue v = value(0);
    int at = skipSpace();
    if (at < s.length) throw found("the end", at);
    return v;
  }

  private int skipSpace() {
    while (i < s.length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
  }

  /** lua-cjson's name for the token starting at {@code at}. */
  private String tokenName(int at) {
    if (at >= s.length) return "T_END";
    return switch (s[at]) {
      case '{' -> "T_OBJ_BEGIN";
      case '}' -> "T_OBJ_END";
      case '[' -> "T_ARR_BEGIN";
      case ']' -> "T_ARR_END";
      case '"' -> "T_STRING";
      case ':' -> "T_COLON";
      case ',' -> "T_COMMA";
      case 't', 'f' -> startsWith(at, "true") || startsWith(at, "false") ? "T_BOOLEAN" : "invalid token";
      case 'n' -> startsWith(at, "null") ? "T_NULL" : "invalid token";
      default -> (s[at] == '-' || (s[at] >= '0' && s[at] <= '9')) ? "T_NUMBER" : "invalid token";
    };
  }

  private boolean startsWith(int at, String word) {
    if (at + word.length() > s.length) return false;
    for (int k = 0; k < word.length(); k++) if (s[at + k] != word.charAt(k)) return false;
    return true;
  }

  private RuntimeException found(String expected, int at) {
    return CjsonLib.err("Expected " + expected + " but found " + tokenName(at) + " at character " + (at + 1));
  }

  private LuaValue value(int depth) {
    int at = skipSpace();
    if (at >= s.length) throw found("value", at);
    switch (s[at]) {
      case '{': return object(depth + 1);
      case '[': return array(depth + 1);
      case '"': return LuaValue.valueOf(string());
      default:
    }
    if (startsWith(at, "true")) { i += 4; return LuaValue.TRUE; }
    if (startsWith(at, "false")) { i += 5; return LuaValue.FALSE; }
    if (startsWith(at, "null")) { i += 4; return CjsonLib.NULL; }
    if (s[at] == '-' || (s[at] >= '0' && s[at] <= '9')) return number();
    throw found("value", at);
  }

  private LuaValue number() {
    int start = i;
    if (s[i] == '-') i++;
    while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'e' || s[i] == 'E'
        || ((s[i] == '+' || s[i] == '-') && (s[i - 1] == 'e' || s[i - 1] == 'E')))) i++;
    String text = new String(s, start, i - start, StandardCharsets.US_ASCII);
    try {
      return LuaValue.valueOf(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      i = start;
      throw found("value", start);
    }
  }

  private LuaValue object(int depth) {
    if (depth > MAX_DEPTH) throw CjsonLib.err("Found too many nested data structures (" + depth + ") at character " + (i + 1));
    i++;
    LuaTable t = new LuaTable();
    int at = skipSpace();
    if (at < s.length && s[at] == '}') { i++; return t; }
    while (true) {
      at = skipSpace();
      if (at >= s.length || s[at] != '"') throw found("object key string", at);
      LuaValue key = LuaValue.valueOf(string());
      at = skipSpace();
      if (at >= s.length || s[at] != ':') throw found("colon", at);
      i++;
      t.rawset(key, value(depth));
      at = skipSpace();
      if (at < s.length && s[at] == '}') { i++; return t; }
      if (at >= s.length || s[at] != ',') throw found("comma or object end", at);
      i++;
    }
  }

  private LuaValue array(int depth) {
    if (depth > MAX_DEPTH) throw CjsonLib.err("Found too many nested data structures (" + depth + ") at character " + (i + 1));
    i++;
    LuaTable t = new LuaTable();
    int at = skipSpace();
    if (at < s.length && s[at] == ']') { i++; return t; }
    for (int n = 1; ; n++) {
      t.rawset(n, value(depth));
      at = skipSpace();
      if (at < s.length && s[at] == ']') { i++; return t; }
      if (at >= s.length || s[at] != ',') throw found("comma or array end", at);
      i++;
    }
  }

  private byte[] string() {
    int start = i;
    i++;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      if (i >= s.length) throw CjsonLib.err("Expected value but found unexpected end of string at character " + (start + 1));
      int c = s[i++] & 0xff;
      if (c == '"') return out.toByteArray();
      if (c != '\\') {
        out.write(c);
        continue;
      }
      if (i >= s.length) throw CjsonLib.err("Expected value but found unexpected end of string at character " + (start + 1));
      int e = s[i++];
      switch (e) {
        case '"', '\\', '/' -> out.write(e);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'u' -> {
          int cp = hex4(start);
          if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length && s[i] == '\\' && s[i + 1] == 'u') {
            i += 2;
            int lo = hex4(start);
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          }
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
        default -> throw CjsonLib.err("Expected value but found invalid escape code at character " + (start + 1));
      }
    }
  }

  private int hex4(int start) {
    if (i + 4 > s.length) throw CjsonLib.err("Expected value but found invalid unicode escape code at character " + (start + 1));
    try {
      int v = Integer.parseInt(new String(s, i, 4, StandardCharsets.US_ASCII), 16);
      i += 4;
      return v;
    } catch (NumberFormatException e) {
      throw CjsonLib.err("Expected value but found invalid unicode escape code at character " + (start + 1));
    }
  }
}
