package io.redline.aof;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis 7's multi-part AOF manifest ({@code appendonly.aof.manifest} in {@code appenddirname}):
 * one line per file, {@code file <name> seq <n> type <b|h|i>} — the base (an RDB, or an AOF
 * without preamble), history files waiting to be deleted, and the incr files in order. Written
 * to a temporary file, forced and renamed, as Redis's writeAofManifestFile does.
 */
final class AofManifest {
  record Part(String name, long seq, char type) {}

  Part base;
  final List<Part> incrs = new ArrayList<>();
  long baseSeq;
  long incrSeq;

  static String baseName(String prefix, long seq, boolean rdb) { return prefix + "." + seq + ".base" + (rdb ? ".rdb" : ".aof"); }

  static String incrName(String prefix, long seq) { return prefix + "." + seq + ".incr.aof"; }

  static String manifestName(String prefix) { return prefix + ".manifest"; }

  /** Parses a manifest; a malformed one is an IOException with Redis's wording. */
  static AofManifest parse(String text) throws IOException {
    AofManifest m = new AofManifest();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      List<String> words = split(line);
      if (words.size() % 2 != 0) throw new IOException("Invalid AOF manifest file format");
      String name = null;
      long seq = -1;
      char type = 0;
      for (int i = 0; i < words.size(); i += 2) {
        String v = words.get(i + 1);
        switch (words.get(i)) {
          case "file" -> name = v;
          case "seq" -> {
            try {
              seq = Long.parseLong(v);
            } catch (NumberFormatException e) {
              throw new IOException("Invalid AOF manifest file format");
            }
          }
          case "type" -> type = v.length() == 1 ? v.charAt(0) : 0;
          default -> { } // later Redis versions add keys (startoffset...): ignored, as Redis ignores unknown ones
        }
      }
      if (name == null || seq < 0 || (type != 'b' && type != 'h' && type != 'i')) {
        throw new IOException("Invalid AOF manifest file format");
      }
      Part p = new Part(name, seq, type);
      if (type == 'b') {
        if (m.base != null) throw new IOException("Found duplicate base file information");
        m.base = p;
        m.baseSeq = seq;
      } else if (type == 'i') {
        if (seq <= m.incrSeq) throw new IOException("Found a non-monotonic sequence number");
        m.incrs.add(p);
        m.incrSeq = seq;
      } // history files: their deletion was interrupted; nothing to load
    }
    return m;
  }

  /** Redis's sdssplitargs, enough for file names: words, optionally double-quoted with \-escapes. */
  private static List<String> split(String line) throws IOException {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
      if (i >= line.length()) break;
      StringBuilder w = new StringBuilder();
      if (line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) throw new IOException("Invalid AOF manifest file format");
          char c = line.charAt(i++);
          if (c == '"') break;
          if (c == '\\' && i < line.length()) c = line.charAt(i++);
          w.append(c);
        }
      } else {
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) w.append(line.charAt(i++));
      }
      out.add(w.toString());
    }
    return out;
  }

  String format() {
    StringBuilder b = new StringBuilder();
    if (base != null) line(b, base);
    for (Part p : incrs) line(b, p);
    return b.toString();
  }

  private static void line(StringBuilder b, Part p) {
    boolean quote = p.name().chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c > 126);
    String name = quote ? '"' + p.name().replace("\\", "\\\\").replace("\"", "\\\"") + '"' : p.name();
    b.append("file ").append(name).append(" seq ").append(p.seq()).append(" type ").append(p.type()).append('\n');
  }

  /** temp file, fsync, rename over the manifest, fsync the directory. */
  void write(Path dir, String prefix) throws IOException {
    Path target = dir.resolve(manifestName(prefix));
    Path temp = dir.resolve("temp-" + manifestName(prefix));
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(format().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDir(dir);
  }

  static void syncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not every file system lets a directory be opened for fsync; the rename still happened
    }
  }

  AofManifest copy() {
    AofManifest m = new AofManifest();
    m.base = base;
    m.incrs.addAll(incrs);
    m.baseSeq = baseSeq;
    m.incrSeq = incrSeq;
    return m;
  }
}
