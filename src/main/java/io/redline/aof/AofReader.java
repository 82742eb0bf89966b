package io.redline.aof;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the commands of one AOF file (RESP arrays of bulk strings, as Redis's
 * loadSingleAppendOnlyFile accepts them; {@code #} annotation lines skipped) and hands them on.
 * MULTI ... EXEC blocks are handed over whole, only once their EXEC was read, so a file cut
 * inside a transaction applies none of it.
 *
 * <p>A file that ends in the middle of a command is <em>truncated</em>: {@link Result#validUpTo}
 * says where the last complete command (or the last complete transaction) ends. Anything else
 * that is not RESP is a format error.
 */
final class AofReader {
  /** Receives each complete command (db switches included: SELECT is a command here). */
  interface Sink {
    void command(byte[][] argv) throws IOException;
  }

  record Result(long commands, boolean truncated, long validUpTo) {}

  static final class BadFormatException extends IOException {
    BadFormatException(String m) { super(m); }
  }

  private static final int MAX_ARGS = 1 << 24;

  private final CountingInput in;

  private AofReader(InputStream in) { this.in = new CountingInput(new BufferedInputStream(in, 1 << 16)); }

  static Result read(Path file, long skip, Sink sink) throws IOException {
    try (InputStream s = Files.newInputStream(file)) {
      s.skipNBytes(skip);
      AofReader r = new AofReader(s);
      r.in.count = skip;
      return r.readAll(sink);
    }
  }

  private Result readAll(Sink sink) throws IOException {
    long commands = 0;
    long validUpTo = in.count;
    List<byte[][]> transaction = null;
    while (true) {
      int c = in.read();
      if (c == -1) break;
      if (c == '#') { // annotation (Redis 7's timestamps): a whole line
        if (!skipLine()) return new Result(commands, true, validUpTo);
        if (transaction == null) validUpTo = in.count;
        continue;
      }
      if (c != '*') throw new BadFormatException("Bad file format reading the append only file");
      byte[][] argv;
      try {
        argv = readArray();
      } catch (EOFException e) {
        return new Result(commands, true, validUpTo);
      }
      String name = argv.length == 0 ? "" : new String(argv[0], java.nio.charset.StandardCharsets.ISO_8859_1);
      if (name.equalsIgnoreCase("multi")) {
        if (transaction != null) throw new BadFormatException("Bad file format reading the append only file: nested MULTI");
        transaction = new ArrayList<>();
        continue;
      }
      if (transaction != null && !name.equalsIgnoreCase("exec")) {
        transaction.add(argv);
        continue;
      }
      if (transaction != null) {
        for (byte[][] a : transaction) sink.command(a);
        commands += transaction.size();
        transaction = null;
      } else {
        sink.command(argv);
        commands++;
      }
      validUpTo = in.count;
    }
    // EOF inside MULTI: Redis reverts the incomplete transaction, as for a cut command.
    return new Result(commands, transaction != null, validUpTo);
  }

  private boolean skipLine() throws IOException {
    int c;
    while ((c = in.read()) != '\n') if (c == -1) return false;
    return true;
  }

  private byte[][] readArray() throws IOException {
    long n = readNumber();
    if (n < 1 || n > MAX_ARGS) throw new BadFormatException("Bad file format reading the append only file");
    byte[][] argv = new byte[(int) n][];
    for (int i = 0; i < n; i++) {
      int c = in.read();
      if (c == -1) throw new EOFException();
      if (c != '$') throw new BadFormatException("Bad file format reading the append only file");
      long len = readNumber();
      if (len < 0 || len > Integer.MAX_VALUE - 2) throw new BadFormatException("Bad file format reading the append only file");
      byte[] b = in.readNBytes((int) len);
      if (b.length < len) throw new EOFException();
      int cr = in.read();
      int lf = in.read();
      if (cr == -1 || lf == -1) throw new EOFException();
      if (cr != '\r' || lf != '\n') throw new BadFormatException("Bad file format reading the append only file");
      argv[i] = b;
    }
    return argv;
  }

  /** Digits up to CRLF. */
  private long readNumber() throws IOException {
    long v = 0;
    boolean neg = false;
    int digits = 0;
    while (true) {
      int c = in.read();
      if (c == -1) throw new EOFException();
      if (c == '\r') {
        int lf = in.read();
        if (lf == -1) throw new EOFException();
        if (lf != '\n' || digits == 0) throw new BadFormatException("Bad file format reading the append only file");
        return neg ? -v : v;
      }
      if (c == '-' && digits == 0 && !neg) {
        neg = true;
        continue;
      }
      if (c < '0' || c > '9' || digits > 18) throw new BadFormatException("Bad file format reading the append only file");
      v = v * 10 + (c - '0');
      digits++;
    }
  }

  /** Counts the bytes consumed, for the truncation offset. */
  private static final class CountingInput {
    private final InputStream in;
    long count;

    CountingInput(InputStream in) { this.in = in; }

    int read() throws IOException {
      int c = in.read();
      if (c != -1) count++;
      return c;
    }

    byte[] readNBytes(int n) throws IOException {
      byte[] b = in.readNBytes(n);
      count += b.length;
      return b;
    }
  }
}
