package io.redline.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An RDB file being written: bytes go to a temporary file in the target directory with a running
 * CRC-64; {@link #commit} adds the EOF opcode and checksum, forces the data to disk, renames the
 * file over the target atomically and forces the directory, so a crash at any point leaves
 * either the previous file or the complete new one. {@link #abandon} deletes the temporary file.
 *
 * <p>Used by one thread at a time.
 */
public final class RdbFile {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private long crc;
  private long written;

  private RdbFile(Path target, Path temp) throws IOException {
    this.target = target;
    this.temp = temp;
    this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** Opens {@code dir/tempName} for writing a file that will replace {@code dir/fileName}. */
  public static RdbFile create(Path dir, String fileName, String tempName) throws IOException {
    return new RdbFile(dir.resolve(fileName), dir.resolve(tempName));
  }

  public long written() { return written; }

  public void write(byte[] b, int off, int len) throws IOException {
    crc = Crc64.update(crc, b, off, len);
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    while (buf.hasRemaining()) channel.write(buf);
    written += len;
  }

  public void write(RdbOutput out) throws IOException { write(out.array(), 0, out.size()); }

  /**
   * Ends the file (EOF opcode and CRC-64, or zero when {@code checksum} is off, which Redis's
   * loader then skips) and puts it in place durably.
   */
  public void commit(boolean checksum) throws IOException {
    byte[] end = new byte[9];
    end[0] = (byte) RdbTypes.OPCODE_EOF;
    crc = Crc64.update(crc, end, 0, 1);
    long sum = checksum ? crc : 0;
    for (int i = 0; i < 8; i++) end[1 + i] = (byte) (sum >>> (8 * i));
    ByteBuffer buf = ByteBuffer.wrap(end);
    while (buf.hasRemaining()) channel.write(buf);
    written += end.length;
    channel.force(true);
    channel.close();
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(target.toAbsolutePath().getParent());
  }

  /** Gives up: closes and deletes the temporary file; the previous target file is untouched. */
  public void abandon() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a file we are deleting anyway
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // a leftover temp file is harmless; Redis leaves them too
    }
  }

  /** fsync of the directory, so the rename itself survives a power loss (Linux allows opening a directory to force it). */
  private static void forceDirectory(Path dir) {
    if (dir == null) return;
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open directories; the data itself is already forced.
    }
  }
}
