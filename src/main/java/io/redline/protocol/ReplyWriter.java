package io.redline.protocol;

import io.netty.buffer.ByteBuf;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/**
 * Encodes replies into a Netty buffer in the connection's protocol, RESP2 or RESP3.
 *
 * <p>Handlers speak in RESP3 terms (map, set, double, null, boolean, push); RESP2 connections get
 * Redis's downgrade of each (map → flat array, double → bulk string, boolean → integer, ...), so a
 * handler never branches on the protocol version.
 */
public final class ReplyWriter {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY_ARRAY = "*0\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int CACHED_INTS = 10000;
  private static final byte[][] INT_REPLIES = new byte[CACHED_INTS][];
  private static final byte[][] BULK_HEADERS = new byte[CACHED_INTS][];

  static {
    for (int i = 0; i < CACHED_INTS; i++) {
      INT_REPLIES[i] = (":" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
      BULK_HEADERS[i] = ("$" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
  }

  private ByteBuf out;
  private int resp;

  public ReplyWriter(ByteBuf out, int resp) {
    this.out = out;
    this.resp = resp;
  }

  public ByteBuf buffer() { return out; }
  public void buffer(ByteBuf out) { this.out = out; }
  public int resp() { return resp; }
  public void resp(int version) { this.resp = version; }
  public boolean isResp3() { return resp >= 3; }

  public void ok() { out.writeBytes(OK); }

  public void simple(String s) {
    out.writeByte('+');
    writeAscii(s);
    out.writeBytes(CRLF);
  }

  /** An error reply; {@code message} starts with its code, e.g. "ERR syntax error" or "WRONGTYPE ...". */
  public void error(String message) {
    errorBytes(message.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An error whose text quotes client bytes as Latin-1 chars (one char per byte), so each byte goes
   * back exactly as it came — invalid UTF-8 included, as Redis echoes it.
   */
  public void errorLatin1(String message) {
    errorBytes(message.getBytes(StandardCharsets.ISO_8859_1));
  }

  private void errorBytes(byte[] b) {
    out.writeByte('-');
    // Newlines would break the framing; Redis replaces them with spaces.
    for (int i = 0; i < b.length; i++) if (b[i] == '\r' || b[i] == '\n') b[i] = ' ';
    out.writeBytes(b);
    out.writeBytes(CRLF);
  }

  public void integer(long v) {
    if (v >= 0 && v < CACHED_INTS) {
      out.writeBytes(INT_REPLIES[(int) v]);
      return;
    }
    out.writeByte(':');
    writeLong(v);
    out.writeBytes(CRLF);
  }

  public void bulk(byte[] b) { bulk(b, 0, b.length); }

  public void bulk(byte[] b, int off, int len) {
    header('$', len);
    out.writeBytes(b, off, len);
    out.writeBytes(CRLF);
  }

  public void bulk(String s) { bulk(s.getBytes(StandardCharsets.UTF_8)); }

  public void bulk(long v) { bulk(RedisNumbers.longToBytes(v)); }

  /** A missing value: RESP2 "$-1", RESP3 "_". */
  public void nullBulk() { out.writeBytes(resp >= 3 ? NULL3 : NULL_BULK); }

  /** A missing aggregate: RESP2 "*-1", RESP3 "_". */
  public void nullArray() { out.writeBytes(resp >= 3 ? NULL3 : NULL_ARRAY); }

  public void array(int n) {
    if (n == 0) out.writeBytes(EMPTY_ARRAY);
    else header('*', n);
  }

  public void emptyArray() { out.writeBytes(EMPTY_ARRAY); }

  /** A map of {@code n} pairs: RESP3 "%n", RESP2 a flat array of 2n. */
  public void map(int n) {
    if (resp >= 3) header('%', n);
    else array(2 * n);
  }

  /** A set: RESP3 "~n", RESP2 an array. */
  public void set(int n) {
    if (resp >= 3) header('~', n);
    else array(n);
  }

  /** An out-of-band push: RESP3 ">n", RESP2 an array. */
  public void push(int n) {
    if (resp >= 3) header('>', n);
    else array(n);
  }

  public void doubleValue(double d) {
    String s = RedisNumbers.formatDouble(d);
    if (resp >= 3) {
      out.writeByte(',');
      writeAscii(s);
      out.writeBytes(CRLF);
    } else {
      bulk(s.getBytes(StandardCharsets.US_ASCII));
    }
  }

  public void bool(boolean b) {
    if (resp >= 3) out.writeBytes(b ? "#t\r\n".getBytes(StandardCharsets.US_ASCII) : "#f\r\n".getBytes(StandardCharsets.US_ASCII));
    else integer(b ? 1 : 0);
  }

  public void bigNumber(String digits) {
    if (resp >= 3) {
      out.writeByte('(');
      writeAscii(digits);
      out.writeBytes(CRLF);
    } else {
      bulk(digits);
    }
  }

  /** Verbatim text (INFO, CLIENT LIST...): RESP3 "=len\r\ntxt:...", RESP2 a bulk string. */
  public void verbatim(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (resp >= 3) {
      header('=', b.length + 4);
      out.writeBytes("txt:".getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(b);
      out.writeBytes(CRLF);
    } else {
      bulk(b);
    }
  }

  /** Bytes already encoded as RESP (a reply computed elsewhere). */
  public void raw(ByteBuf encoded) { out.writeBytes(encoded); }

  private void header(char type, long n) {
    if (type == '$' && n >= 0 && n < CACHED_INTS) {
      out.writeBytes(BULK_HEADERS[(int) n]);
      return;
    }
    out.writeByte(type);
    writeLong(n);
    out.writeBytes(CRLF);
  }

  private void writeLong(long v) {
    if (v >= 0 && v < CACHED_INTS) {
      byte[] cached = INT_REPLIES[(int) v];
      out.writeBytes(cached, 1, cached.length - 3);
      return;
    }
    out.writeBytes(RedisNumbers.longToBytes(v));
  }

  private void writeAscii(String s) {
    out.writeCharSequence(s, StandardCharsets.UTF_8);
  }
}
