package io.redline.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One RESP2/RESP3 reply, parsed from the exact bytes a {@link RawClient} read, for checks that
 * need its structure: its type, its text, its elements, and an order-insensitive form for
 * commands whose element order is unspecified (SMEMBERS, HGETALL, KEYS...).
 */
public final class RespReply {
  /** The type byte: + - : $ * _ , # ( = ! % ~ > (an attribute is kept in {@link #attribute}). */
  public final char type;
  /** Text of simple types, or the payload of bulk-like types; null for aggregates and nulls. */
  public final byte[] payload;
  /** Elements of aggregates (a map's keys and values alternate); empty otherwise. */
  public final List<RespReply> elements;
  /** The declared length of an aggregate or bulk; -1 for RESP2 nulls. */
  public final long length;
  /** The attribute that preceded this value, or null. */
  public final RespReply attribute;
  /** This value's exact bytes, attribute included. */
  public final byte[] raw;

  private RespReply(char type, byte[] payload, List<RespReply> elements, long length, RespReply attribute, byte[] raw) {
    this.type = type;
    this.payload = payload;
    this.elements = elements;
    this.length = length;
    this.attribute = attribute;
    this.raw = raw;
  }

  public static RespReply parse(byte[] raw) {
    int[] pos = {0};
    RespReply r = parse(raw, pos);
    if (pos[0] != raw.length) throw new IllegalArgumentException("trailing bytes after reply: " + Escape.reply(raw));
    return r;
  }

  private static RespReply parse(byte[] b, int[] pos) {
    int start = pos[0];
    char type = (char) b[pos[0]++];
    String line = line(b, pos);
    switch (type) {
      case '+', '-', ':', '_', ',', '#', '(' -> {
        return new RespReply(type, line.getBytes(StandardCharsets.ISO_8859_1), List.of(), 0, null, slice(b, start, pos[0]));
      }
      case '$', '=', '!' -> {
        long n = Long.parseLong(line);
        byte[] p = null;
        if (n >= 0) {
          p = Arrays.copyOfRange(b, pos[0], pos[0] + (int) n);
          pos[0] += (int) n + 2;
        }
        return new RespReply(type, p, List.of(), n, null, slice(b, start, pos[0]));
      }
      case '*', '~', '>', '%' -> {
        long n = Long.parseLong(line);
        long count = type == '%' ? 2 * n : n;
        List<RespReply> el = new ArrayList<>();
        for (long i = 0; i < count; i++) el.add(parse(b, pos));
        return new RespReply(type, null, Collections.unmodifiableList(el), n, null, slice(b, start, pos[0]));
      }
      case '|' -> {
        long n = Long.parseLong(line);
        List<RespReply> el = new ArrayList<>();
        for (long i = 0; i < 2 * n; i++) el.add(parse(b, pos));
        RespReply attr = new RespReply('|', null, el, n, null, slice(b, start, pos[0]));
        RespReply v = parse(b, pos);
        return new RespReply(v.type, v.payload, v.elements, v.length, attr, slice(b, start, pos[0]));
      }
      default -> throw new IllegalArgumentException("not a RESP type at byte " + start + ": " + Escape.reply(b));
    }
  }

  private static String line(byte[] b, int[] pos) {
    int s = pos[0];
    int i = s;
    while (i + 1 < b.length && !(b[i] == '\r' && b[i + 1] == '\n')) i++;
    if (i + 1 >= b.length) throw new IllegalArgumentException("unterminated line: " + Escape.reply(b));
    pos[0] = i + 2;
    return new String(b, s, i - s, StandardCharsets.ISO_8859_1);
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return Arrays.copyOfRange(b, from, to);
  }

  public boolean isError() { return type == '-' || type == '!'; }

  public boolean isAggregate() { return type == '*' || type == '~' || type == '>' || type == '%'; }

  /** The payload as text (UTF-8); null for nulls and aggregates. */
  public String text() { return payload == null ? null : new String(payload, StandardCharsets.UTF_8); }

  public long integer() { return Long.parseLong(text()); }

  /**
   * The reply's bytes with the top-level elements of an aggregate in sorted order (a map's
   * key/value pairs stay together and are sorted as pairs), so two replies that differ only in
   * element order have equal canonical forms. Anything else is returned as is.
   */
  public byte[] unorderedForm() {
    return unorderedForm(1);
  }

  /**
   * As {@link #unorderedForm()}, but a flat array is taken as groups of {@code group} elements
   * (2 for a RESP2 field/value or member/score list), each group sorted as one unit, so values
   * can't trade places between keys unnoticed.
   */
  public byte[] unorderedForm(int group) {
    if (!isAggregate() || length < 0) return raw;
    int unit = type == '%' ? 2 : (type == '*' && group > 1 && elements.size() % group == 0) ? group : 1;
    List<byte[]> items = new ArrayList<>();
    for (int i = 0; i < elements.size(); i += unit) {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      for (int k = 0; k < unit; k++) o.writeBytes(elements.get(i + k).raw);
      items.add(o.toByteArray());
    }
    items.sort(Arrays::compareUnsigned);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    if (attribute != null) o.writeBytes(attribute.raw);
    o.writeBytes((type + String.valueOf(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (byte[] it : items) o.writeBytes(it);
    return o.toByteArray();
  }

  @Override
  public String toString() { return Escape.reply(raw); }
}
