package io.redline.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A tiny blocking RESP client for tests: sends commands as multibulks (or any raw bytes) and reads
 * exactly one complete reply at a time, keeping its bytes exactly as they arrived, so replies of
 * two servers can be compared byte for byte. The reader understands every RESP2 and RESP3 type;
 * an attribute ({@code |}) is kept together with the value it annotates.
 *
 * <p>Reads time out (default 10 s) so a server that never answers fails a test instead of hanging it.
 */
public final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawClient(String host, int port) throws IOException {
    this(host, port, 10_000);
  }

  public RawClient(String host, int port, int readTimeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(readTimeoutMillis);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  public static RawClient connect(int port) throws IOException {
    return new RawClient("127.0.0.1", port);
  }

  public void readTimeout(int millis) throws IOException { socket.setSoTimeout(millis); }

  /** Encodes a command as a RESP multibulk. */
  public static byte[] encode(byte[]... args) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] a : args) {
      b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      b.writeBytes(a);
      b.writeBytes(new byte[] {'\r', '\n'});
    }
    return b.toByteArray();
  }

  public static byte[] encode(String... args) {
    return encode(utf8(args));
  }

  public void send(byte[]... args) throws IOException { sendRaw(encode(args)); }

  public void send(String... args) throws IOException { sendRaw(encode(args)); }

  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void sendRaw(String ascii) throws IOException {
    sendRaw(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends one command and returns its reply's raw bytes. */
  public byte[] call(String... args) throws IOException {
    send(args);
    return readRaw();
  }

  public byte[] call(byte[]... args) throws IOException {
    send(args);
    return readRaw();
  }

  /** Sends one command and returns its reply as text (the raw RESP, decoded as Latin-1). */
  public String callText(String... args) throws IOException {
    return new String(call(args), StandardCharsets.ISO_8859_1);
  }

  /** Sends one command and returns its parsed reply. */
  public RespReply callParsed(String... args) throws IOException {
    return RespReply.parse(call(args));
  }

  /**
   * Reads exactly one complete reply and returns its bytes.
   *
   * @throws Closed when the server closed the connection before a complete reply
   * @throws SocketTimeoutException when no complete reply arrived within the read timeout
   */
  public byte[] readRaw() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    readValue(b);
    return b.toByteArray();
  }

  public RespReply readReply() throws IOException {
    return RespReply.parse(readRaw());
  }

  /**
   * True if the server closes the connection within {@code millis} without sending anything
   * more; false if it is still open then. Bytes that arrive instead fail with an exception.
   */
  public boolean closedByPeer(int millis) throws IOException {
    int old = socket.getSoTimeout();
    socket.setSoTimeout(millis);
    try {
      int c = in.read();
      if (c < 0) return true;
      throw new IOException("expected the connection to close, but got more data starting with byte " + c);
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("reset")) return true;
      throw e;
    } finally {
      if (!socket.isClosed()) socket.setSoTimeout(old);
    }
  }

  /**
   * Everything the server sends until it closes the connection; fails with a
   * SocketTimeoutException (carrying what arrived) if it is still open after {@code millis}.
   */
  public byte[] readUntilClosed(int millis) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + millis * 1_000_000L;
    int old = socket.getSoTimeout();
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) throw new SocketTimeoutException("still open after " + millis + " ms; got " + Escape.reply(b.toByteArray()));
        socket.setSoTimeout((int) left);
        int c;
        try {
          c = in.read();
        } catch (SocketTimeoutException e) {
          throw new SocketTimeoutException("still open after " + millis + " ms; got " + Escape.reply(b.toByteArray()));
        } catch (IOException e) {
          if (e.getMessage() != null && e.getMessage().contains("reset")) return b.toByteArray();
          throw e;
        }
        if (c < 0) return b.toByteArray();
        b.write(c);
      }
    } finally {
      if (!socket.isClosed()) socket.setSoTimeout(old);
    }
  }

  /** Whatever bytes arrive within {@code millis} (empty if none); for checking that nothing is left over. */
  public byte[] drain(int millis) throws IOException {
    int old = socket.getSoTimeout();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    socket.setSoTimeout(millis);
    try {
      while (true) {
        int c = in.read();
        if (c < 0) break;
        b.write(c);
      }
    } catch (SocketTimeoutException e) {
      // Nothing more within the wait: what was read is the answer.
    } finally {
      if (!socket.isClosed()) socket.setSoTimeout(old);
    }
    return b.toByteArray();
  }

  private void readValue(ByteArrayOutputStream b) throws IOException {
    int type = readByte(b);
    String line = readLine(b);
    switch (type) {
      case '+', '-', ':', '_', ',', '#', '(' -> { }
      case '$', '=', '!' -> {
        long n = length(type, line);
        if (n >= 0) readBulk(b, n);
      }
      case '*', '~', '>' -> {
        long n = length(type, line);
        for (long i = 0; i < n; i++) readValue(b);
      }
      case '%' -> {
        long n = length(type, line);
        for (long i = 0; i < 2 * n; i++) readValue(b);
      }
      case '|' -> {
        long n = length(type, line);
        for (long i = 0; i < 2 * n; i++) readValue(b);
        readValue(b); // the value the attribute describes
      }
      default -> throw new IOException("not a RESP type byte: " + Escape.bytes(new byte[] {(byte) type})
          + " (reply so far: " + Escape.bytes(b.toByteArray()) + ")");
    }
  }

  private static long length(int type, String line) throws IOException {
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new IOException("bad length after '" + (char) type + "': " + line);
    }
  }

  private void readBulk(ByteArrayOutputStream b, long n) throws IOException {
    for (long i = 0; i < n + 2; i++) readByte(b);
  }

  private String readLine(ByteArrayOutputStream b) throws IOException {
    StringBuilder s = new StringBuilder();
    int prev = -1;
    while (true) {
      int c = readByte(b);
      if (prev == '\r' && c == '\n') {
        s.setLength(s.length() - 1);
        return s.toString();
      }
      s.append((char) c);
      prev = c;
    }
  }

  private int readByte(ByteArrayOutputStream b) throws IOException {
    int c;
    try {
      c = in.read();
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("no complete reply in time; got so far: " + Escape.bytes(b.toByteArray()));
    }
    if (c < 0) throw new Closed(b.toByteArray());
    b.write(c);
    return c;
  }

  /** The server closed the connection; {@link #partial} holds the bytes of an incomplete reply, if any. */
  public static final class Closed extends EOFException {
    public final byte[] partial;

    Closed(byte[] partial) {
      super("connection closed" + (partial.length > 0 ? " in the middle of a reply: " + Escape.reply(partial) : ""));
      this.partial = partial;
    }
  }

  static byte[][] utf8(String... args) {
    byte[][] b = new byte[args.length][];
    for (int i = 0; i < args.length; i++) b[i] = args[i].getBytes(StandardCharsets.UTF_8);
    return b;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a test socket cannot fail in a way a test cares about.
    }
  }
}
