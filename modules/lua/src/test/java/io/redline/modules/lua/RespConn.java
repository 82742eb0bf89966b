// Test helper: a raw RESP connection to redis-server that returns replies as bytes or ScriptReply.
package io.redline.modules.lua;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

final class RespConn implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RespConn(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  void send(byte[][] args) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(b("*" + args.length + "\r\n"));
    for (byte[] a : args) {
      o.write(b("$" + a.length + "\r\n"));
      o.write(a);
      o.write(b("\r\n"));
    }
    out.write(o.toByteArray());
    out.flush();
  }

  /** Sends a command and returns its reply's exact bytes. */
  byte[] raw(byte[][] args) throws IOException {
    send(args);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    copyReply(o);
    return o.toByteArray();
  }

  byte[] raw(String... args) throws IOException {
    byte[][] a = new byte[args.length][];
    for (int i = 0; i < args.length; i++) a[i] = b(args[i]);
    return raw(a);
  }

  ScriptReply call(byte[][] args) throws IOException {
    send(args);
    return read();
  }

  private String line() throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) throw new IOException("closed");
      o.write(c);
    }
    in.read();
    return o.toString(StandardCharsets.ISO_8859_1);
  }

  private void copyReply(ByteArrayOutputStream o) throws IOException {
    String l = line();
    o.write(l.getBytes(StandardCharsets.ISO_8859_1));
    o.write(b("\r\n"));
    char t = l.charAt(0);
    if (t == '$' || t == '=' || t == '!') {
      int n = Integer.parseInt(l.substring(1));
      if (n >= 0) o.write(in.readNBytes(n + 2));
    } else if (t == '*' || t == '~' || t == '>' || t == '%') {
      int n = Integer.parseInt(l.substring(1));
      if (t == '%') n *= 2;
      for (int i = 0; i < n; i++) copyReply(o);
    }
  }

  private ScriptReply read() throws IOException {
    String l = line();
    String rest = l.substring(1);
    switch (l.charAt(0)) {
      case '+': return ScriptReply.status(rest.getBytes(StandardCharsets.ISO_8859_1));
      case '-': return ScriptReply.error(rest.getBytes(StandardCharsets.ISO_8859_1));
      case ':': return ScriptReply.integer(Long.parseLong(rest));
      case '_': return ScriptReply.nil();
      case '#': return ScriptReply.bool(rest.equals("t"));
      case ',': return ScriptReply.dbl(parseDouble(rest));
      case '(': return ScriptReply.bigNumber(rest);
      case '$': case '=': {
        int n = Integer.parseInt(rest);
        if (n < 0) return ScriptReply.nullBulk();
        byte[] d = in.readNBytes(n);
        in.readNBytes(2);
        if (l.charAt(0) == '=') return ScriptReply.verbatim(new String(d, 0, 3, StandardCharsets.US_ASCII), java.util.Arrays.copyOfRange(d, 4, d.length));
        return ScriptReply.bulk(d);
      }
      default: {
        int n = Integer.parseInt(rest);
        if (n < 0) return ScriptReply.nullArray();
        char t = l.charAt(0);
        List<ScriptReply> e = new ArrayList<>();
        for (int i = 0; i < (t == '%' ? 2 * n : n); i++) e.add(read());
        return t == '%' ? ScriptReply.map(e) : t == '~' ? ScriptReply.set(e) : ScriptReply.array(e);
      }
    }
  }

  private static double parseDouble(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  @Override
  public void close() throws IOException { socket.close(); }
}
