// Parses an EVAL script's "#!lua flags=..." first line, as Redis 7.0 does.
package io.redline.modules.lua;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** The flags a script declares, and the body to compile (shebang turned into a comment). */
final class Shebang {
  private static final Set<String> KNOWN = Set.of("no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys");

  final byte[] body;
  /** Null when the script has no shebang (Redis then applies its legacy defaults). */
  final Set<String> flags;
  final String error;

  private Shebang(byte[] body, Set<String> flags, String error) {
    this.body = body;
    this.flags = flags;
    this.error = error;
  }

  static Shebang parse(byte[] body) {
    if (body.length < 2 || body[0] != '#' || body[1] != '!') return new Shebang(body, null, null);
    int nl = 0;
    while (nl < body.length && body[nl] != '\n') nl++;
    if (nl == body.length) return new Shebang(null, null, "ERR Invalid script shebang");
    String line = new String(body, 0, nl, StandardCharsets.ISO_8859_1);
    int nul = line.indexOf('\0');
    // Split as redis-cli splits (quotes allowed); a NUL ends the line, as for any C string.
    java.util.List<String> parts = LibraryCode.splitArgs(nul < 0 ? line : line.substring(0, nul));
    if (parts == null || parts.isEmpty()) return new Shebang(null, null, "ERR Invalid engine in script shebang");
    if (!parts.get(0).equals("#!lua")) return new Shebang(null, null, "ERR Unexpected engine in script shebang: " + parts.get(0));
    Set<String> flags = new LinkedHashSet<>();
    for (int i = 1; i < parts.size(); i++) {
      String part = parts.get(i);
      if (!part.startsWith("flags=")) return new Shebang(null, null, "ERR Unknown lua shebang option: " + part);
      String list = part.substring(6);
      if (list.isEmpty()) continue; // "flags=" declares none
      // Every comma separates a flag: "no-writes," names an empty one, which is unknown.
      for (String f : list.split(",", -1)) {
        if (!KNOWN.contains(f)) return new Shebang(null, null, "ERR Unexpected flag in script shebang: " + f);
        flags.add(f);
      }
    }
    byte[] compiled = body.clone();
    compiled[0] = '-';
    compiled[1] = '-';
    return new Shebang(compiled, flags, null);
  }
}
