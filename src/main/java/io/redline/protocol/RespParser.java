package io.redline.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Resumable RESP request parser: multibulk ({@code *N $len ...}) and inline commands.
 *
 * <p>Bytes from the socket are appended to one heap buffer per connection; complete commands are
 * handed to a {@link CommandSink} as {@link Args} slices of that buffer, so no argument is copied
 * unless a command must outlive the callback. A command split anywhere across reads resumes where
 * it stopped: the parser remembers the arguments already found instead of rescanning.
 *
 * <p>Every size read from the wire is checked against its limit before it is trusted, and no
 * space is reserved on the strength of a declared length: the buffer only ever holds bytes
 * that actually arrived. Errors carry Redis's exact texts.
 */
public final class RespParser {
  /** Redis's PROTO_INLINE_MAX_SIZE: longest inline command and longest count line. */
  public static final int INLINE_MAX = 64 * 1024;
  private static final int UNAUTH_MULTIBULK_MAX = 10;
  private static final int UNAUTH_BULK_MAX = 16384;
  private static final int SHRINK_ABOVE = 64 * 1024;

  /** Receives each complete command; returns false to stop parsing (resume with {@link #parse}). */
  @FunctionalInterface
  public interface CommandSink {
    boolean onCommand(Args args);
  }

  private byte[] buf = new byte[0];
  private int start;   // first byte of the command being parsed
  private int end;     // one past the last byte received
  private int pos;     // where scanning resumes
  private int pending = -1;  // multibulk arguments still expected; -1 = not inside a multibulk
  private long bulkLen = -1; // length of the bulk being read; -1 = expecting its "$len" line
  private final Args args = new Args(8);
  private long maxBulkLen;
  private boolean authenticated = true;

  public RespParser(long maxBulkLen) {
    this.maxBulkLen = maxBulkLen;
  }

  public void maxBulkLen(long max) { this.maxBulkLen = max; }

  /** Before authentication Redis caps multibulk counts at 10 and bulks at 16 KiB. */
  public void authenticated(boolean value) { this.authenticated = value; }

  /** Bytes received but not yet consumed by a complete command. */
  public int buffered() { return end - start; }

  /** Appends bytes from the socket (does not release {@code in}). */
  public void feed(ByteBuf in) {
    int n = in.readableBytes();
    ensureSpace(n);
    in.readBytes(buf, end, n);
    end += n;
  }

  public void feed(byte[] in, int off, int n) {
    ensureSpace(n);
    System.arraycopy(in, off, buf, end, n);
    end += n;
  }

  private void ensureSpace(int n) {
    if (end + n <= buf.length) return;
    int live = end - start;
    if (start > 0 && live + n <= buf.length && live < buf.length / 2) {
      compact();
      return;
    }
    if (start > 0) compact();
    long want = Math.max((long) buf.length * 2, (long) end + n);
    want = Math.max(want, 4096);
    if (want > Integer.MAX_VALUE - 16) want = (long) end + n;
    if (want > Integer.MAX_VALUE - 16) throw new ProtocolException("query buffer too large");
    buf = Arrays.copyOf(buf, (int) want);
    args.rebase(buf, 0);
  }

  private void compact() {
    int shift = start;
    System.arraycopy(buf, start, buf, 0, end - start);
    end -= shift;
    pos -= shift;
    start = 0;
    args.rebase(buf, shift); // arguments already found move with their bytes
  }

  /**
   * Parses as many complete commands as are buffered, handing each to {@code sink}.
   *
   * @throws ProtocolException on malformed input; the caller replies "-ERR Protocol error: ..." and closes
   */
  public void parse(CommandSink sink) {
    while (true) {
      if (pending < 0) {
        if (start >= end) {
          idle();
          return;
        }
        if (buf[start] == '*') {
          if (!readMultibulkHeader()) return;
          if (pending <= 0) { // "*0" or "*-1": nothing to run
            pending = -1;
            continue;
          }
        } else {
          if (!readInline()) return;
          if (args.size() == 0) { // empty line: ignored, as Redis does
            start = pos;
            continue;
          }
          if (!deliver(sink)) return;
          continue;
        }
      }
      while (pending > 0) {
        if (!readBulk()) return;
      }
      if (!deliver(sink)) return;
    }
  }

  private boolean deliver(CommandSink sink) {
    pending = -1;
    start = pos;
    boolean more = sink.onCommand(args);
    args.reset(buf);
    return more;
  }

  private void idle() {
    start = end = pos = 0;
    if (buf.length > SHRINK_ABOVE) buf = new byte[0];
    args.reset(buf);
  }

  private boolean readMultibulkHeader() {
    int cr = indexOfCr(start + 1);
    if (cr < 0) {
      if (end - start > INLINE_MAX) throw new ProtocolException("too big mbulk count string");
      return false;
    }
    if (cr + 1 >= end) return false; // wait for the '\n'
    long n = parseLength(start + 1, cr);
    if (n == Long.MIN_VALUE || n > Integer.MAX_VALUE) throw new ProtocolException("invalid multibulk length");
    if (!authenticated && n > UNAUTH_MULTIBULK_MAX) throw new ProtocolException("unauthenticated multibulk length");
    pos = cr + 2;
    args.reset(buf);
    pending = (int) Math.max(n, 0);
    bulkLen = -1;
    if (pending == 0) start = pos;
    return true;
  }

  private boolean readBulk() {
    if (bulkLen < 0) {
      if (pos >= end) return false;
      int cr = indexOfCr(pos);
      if (cr < 0) {
        if (end - pos > INLINE_MAX) throw new ProtocolException("too big bulk count string");
        return false;
      }
      if (cr + 1 >= end) return false;
      if (buf[pos] != '$') {
        // Latin-1: the offending byte goes back to the client as that same byte.
        throw new ProtocolException("expected '$', got '" + (char) (buf[pos] & 0xff) + "'");
      }
      long n = parseLength(pos + 1, cr);
      if (n == Long.MIN_VALUE || n < 0 || n > maxBulkLen) throw new ProtocolException("invalid bulk length");
      if (!authenticated && n > UNAUTH_BULK_MAX) throw new ProtocolException("unauthenticated bulk length");
      bulkLen = n;
      pos = cr + 2;
    }
    if ((long) end - pos < bulkLen + 2) return false;
    args.add(pos, (int) bulkLen);
    pos += (int) bulkLen + 2;
    bulkLen = -1;
    pending--;
    return true;
  }

  private boolean readInline() {
    int nl = -1;
    for (int i = start; i < end; i++) {
      if (buf[i] == '\n') {
        nl = i;
        break;
      }
    }
    if (nl < 0) {
      if (end - start > INLINE_MAX) throw new ProtocolException("too big inline request");
      return false;
    }
    int lineEnd = (nl > start && buf[nl - 1] == '\r') ? nl - 1 : nl;
    args.reset(buf);
    InlineSplitter.split(buf, start, lineEnd, args);
    pos = nl + 1;
    return true;
  }

  private int indexOfCr(int from) {
    for (int i = from; i < end; i++) if (buf[i] == '\r') return i;
    return -1;
  }

  /** Redis string2ll over [from, to); Long.MIN_VALUE when it is not a valid integer. */
  private long parseLength(int from, int to) {
    int n = to - from;
    if (n == 0 || n > 20) return Long.MIN_VALUE;
    int i = from;
    boolean negative = false;
    if (buf[i] == '-') {
      negative = true;
      i++;
      if (i == to) return Long.MIN_VALUE;
    }
    if (buf[i] == '0' && (to - i > 1 || negative)) return Long.MIN_VALUE; // "01" and "-0" are not integers
    long v = 0;
    for (; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) return Long.MIN_VALUE;
      if (v > (Long.MAX_VALUE - d) / 10) return Long.MIN_VALUE;
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }
}
