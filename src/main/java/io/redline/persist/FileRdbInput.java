package io.redline.persist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An RDB file read through a 1 MB buffer, with the CRC-64 of the bytes consumed so far available
 * at any point (for the checksum after the EOF opcode). The file size bounds every length read.
 */
final class FileRdbInput extends RdbInput implements Closeable {
  private final FileChannel channel;
  private final long size;
  private final byte[] buf = new byte[1 << 20];
  private long bufStart; // file offset of buf[0]
  private int bufLen;
  private int bufPos;
  private int crcPos; // buf[0..crcPos) is already in crc
  private long crc;

  FileRdbInput(Path file) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
  }

  @Override public long remaining() { return size - position(); }

  @Override public long position() { return bufStart + bufPos; }

  @Override
  protected int read() throws IOException {
    if (bufPos == bufLen && !refill()) return -1;
    return buf[bufPos++] & 0xff;
  }

  @Override
  protected void readInto(byte[] dst, int off, int len) throws IOException {
    while (len > 0) {
      if (bufPos == bufLen && !refill()) throw corrupt("unexpected end of file");
      int n = Math.min(len, bufLen - bufPos);
      System.arraycopy(buf, bufPos, dst, off, n);
      bufPos += n;
      off += n;
      len -= n;
    }
  }

  private boolean refill() throws IOException {
    crc = Crc64.update(crc, buf, crcPos, bufLen - crcPos);
    bufStart += bufLen;
    bufLen = 0;
    bufPos = 0;
    crcPos = 0;
    ByteBuffer b = ByteBuffer.wrap(buf);
    while (b.hasRemaining()) {
      int n = channel.read(b, bufStart + b.position());
      if (n < 0) break;
      if (n == 0 && b.position() > 0) break;
    }
    bufLen = b.position();
    return bufLen > 0;
  }

  /** CRC-64 of every byte consumed so far. */
  long checksum() {
    crc = Crc64.update(crc, buf, crcPos, bufPos - crcPos);
    crcPos = bufPos;
    return crc;
  }

  @Override
  public void close() throws IOException { channel.close(); }
}
