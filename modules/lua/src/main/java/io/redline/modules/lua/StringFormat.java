// string.format with C printf semantics (LuaJ ignores widths and formats %g differently).
package io.redline.modules.lua;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Lua 5.1's string.format: %c d i o u x X e E f g G q s %% with flags, width and precision. */
final class StringFormat extends VarArgFunction {
  @Override
  public Varargs invoke(Varargs a) {
    byte[] f = LuaConversions.bytes(a.checkstring(1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int arg = 1;
    for (int i = 0; i < f.length; i++) {
      int c = f[i] & 0xff;
      if (c != '%') {
        out.write(c);
        continue;
      }
      if (++i >= f.length) throw new LuaError("invalid option '%' to 'format'");
      if (f[i] == '%') {
        out.write('%');
        continue;
      }
      int start = i;
      while (i < f.length && "-+ #0".indexOf(f[i]) >= 0) i++;
      while (i < f.length && Character.isDigit(f[i])) i++;
      if (i < f.length && f[i] == '.') {
        i++;
        while (i < f.length && Character.isDigit(f[i])) i++;
      }
      if (i >= f.length) throw new LuaError("invalid option '%' to 'format'");
      String spec = new String(f, start, i - start, StandardCharsets.US_ASCII);
      char conv = (char) f[i];
      arg++;
      switch (conv) {
        case 'c' -> out.write(a.checkint(arg));
        case 'd', 'i' -> ascii(out, String.format("%" + spec + "d", (long) a.checkdouble(arg)));
        case 'o' -> ascii(out, String.format("%" + spec + "o", (long) a.checkdouble(arg)));
        case 'u' -> ascii(out, String.format("%" + spec + "d", (long) a.checkdouble(arg)));
        case 'x', 'X' -> ascii(out, String.format("%" + spec + conv, (long) a.checkdouble(arg)));
        case 'e', 'E', 'f' -> ascii(out, String.format("%" + spec + conv, a.checkdouble(arg)));
        case 'g', 'G' -> ascii(out, g(spec, a.checkdouble(arg), conv == 'G'));
        case 'q' -> quote(out, LuaConversions.bytes(a.checkstring(arg)));
        case 's' -> {
          LuaValue v = a.arg(arg);
          byte[] s = v.isstring() ? LuaConversions.bytes(v.tostring()) : LuaConversions.bytes(LuaValue.valueOf(v.tojstring()));
          if (v.isnumber()) s = LuaNumbers.g14(v.todouble()).getBytes(StandardCharsets.US_ASCII);
          if (spec.isEmpty()) out.writeBytes(s);
          else ascii(out, String.format("%" + spec + "s", new String(s, StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
        }
        default -> throw new LuaError("invalid option '%" + conv + "' to 'format'");
      }
    }
    return LuaValue.valueOf(out.toByteArray());
  }

  private static String g(String spec, double d, boolean upper) {
    int dot = spec.indexOf('.');
    int precision = dot < 0 ? 6 : dot + 1 == spec.length() ? 0 : Integer.parseInt(spec.substring(dot + 1));
    String flags = dot < 0 ? spec : spec.substring(0, dot);
    String s = LuaNumbers.g(d, Math.max(precision, 1));
    if (flags.contains("+") && d >= 0) s = "+" + s;
    if (upper) s = s.toUpperCase();
    String widthText = flags.replaceFirst("^[-+ #0]*", "");
    int width = widthText.isEmpty() ? 0 : Integer.parseInt(widthText);
    StringBuilder sb = new StringBuilder(s);
    boolean left = flags.startsWith("-") || flags.replaceFirst("[0-9]*$", "").contains("-");
    boolean zero = !left && flags.replaceFirst("[1-9][0-9]*$", "").contains("0");
    while (sb.length() < width) {
      if (left) sb.append(' ');
      else if (zero) sb.insert(sb.length() > 0 && (sb.charAt(0) == '-' || sb.charAt(0) == '+') ? 1 : 0, '0');
      else sb.insert(0, ' ');
    }
    return sb.toString();
  }

  private static void quote(ByteArrayOutputStream out, byte[] s) {
    out.write('"');
    for (byte b : s) {
      switch (b) {
        case '"', '\\' -> { out.write('\\'); out.write(b); }
        case '\n' -> { out.write('\\'); out.write('\n'); }
        case '\r' -> ascii(out, "\\r");
        case 0 -> ascii(out, "\\000");
        default -> out.write(b);
      }
    }
    out.write('"');
  }

  private static void ascii(ByteArrayOutputStream out, String s) { ascii(out, s, StandardCharsets.US_ASCII); }

  private static void ascii(ByteArrayOutputStream out, String s, java.nio.charset.Charset cs) { out.writeBytes(s.getBytes(cs)); }
}
