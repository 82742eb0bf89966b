// A small model of one RESP reply, as exchanged between scripts and the command layer.
package io.redline.modules.lua;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One RESP reply: what a {@link CommandInvoker} answers to redis.call, and what a script returns.
 * Aggregates hold their elements in {@link #elements}; a map holds key, value, key, value...
 */
public final class ScriptReply {
  public enum Type { STATUS, ERROR, INTEGER, BULK, NULL_BULK, ARRAY, NULL_ARRAY, NULL, MAP, SET, DOUBLE, BOOLEAN, BIG_NUMBER, VERBATIM }

  public final Type type;
  /** STATUS, ERROR, BULK, BIG_NUMBER and VERBATIM payload (VERBATIM: text only, format in {@link #format}). */
  public final byte[] bytes;
  public final long integer;
  public final double dbl;
  public final boolean bool;
  public final String format;
  public final List<ScriptReply> elements;

  private ScriptReply(Type type, byte[] bytes, long integer, double dbl, boolean bool, String format, List<ScriptReply> elements) {
    this.type = type;
    this.bytes = bytes;
    this.integer = integer;
    this.dbl = dbl;
    this.bool = bool;
    this.format = format;
    this.elements = elements;
  }

  public static ScriptReply status(String s) { return new ScriptReply(Type.STATUS, bytes(s), 0, 0, false, null, null); }
  public static ScriptReply status(byte[] s) { return new ScriptReply(Type.STATUS, s, 0, 0, false, null, null); }
  /** {@code message} includes the code, e.g. "ERR syntax error". */
  public static ScriptReply error(String message) { return new ScriptReply(Type.ERROR, bytes(message), 0, 0, false, null, null); }
  public static ScriptReply error(byte[] message) { return new ScriptReply(Type.ERROR, message, 0, 0, false, null, null); }
  public static ScriptReply integer(long v) { return new ScriptReply(Type.INTEGER, null, v, 0, false, null, null); }
  public static ScriptReply bulk(byte[] b) { return new ScriptReply(Type.BULK, b, 0, 0, false, null, null); }
  public static ScriptReply bulk(String s) { return bulk(bytes(s)); }
  public static ScriptReply nullBulk() { return new ScriptReply(Type.NULL_BULK, null, 0, 0, false, null, null); }
  public static ScriptReply nullArray() { return new ScriptReply(Type.NULL_ARRAY, null, 0, 0, false, null, null); }
  /** RESP3 "_". */
  public static ScriptReply nil() { return new ScriptReply(Type.NULL, null, 0, 0, false, null, null); }
  public static ScriptReply array(List<ScriptReply> e) { return new ScriptReply(Type.ARRAY, null, 0, 0, false, null, e); }
  /** {@code kv} alternates keys and values. */
  public static ScriptReply map(List<ScriptReply> kv) { return new ScriptReply(Type.MAP, null, 0, 0, false, null, kv); }
  public static ScriptReply set(List<ScriptReply> e) { return new ScriptReply(Type.SET, null, 0, 0, false, null, e); }
  public static ScriptReply dbl(double d) { return new ScriptReply(Type.DOUBLE, null, 0, d, false, null, null); }
  public static ScriptReply bool(boolean b) { return new ScriptReply(Type.BOOLEAN, null, 0, 0, b, null, null); }
  public static ScriptReply bigNumber(String digits) { return new ScriptReply(Type.BIG_NUMBER, bytes(digits), 0, 0, false, null, null); }
  public static ScriptReply verbatim(String format, byte[] text) { return new ScriptReply(Type.VERBATIM, text, 0, 0, false, format, null); }

  public boolean isError() { return type == Type.ERROR; }

  public String text() { return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1); }

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  @Override
  public String toString() {
    return type + (bytes != null ? "(" + text() + ")" : elements != null ? elements.toString() : type == Type.INTEGER ? "(" + integer + ")" : "");
  }
}
