package io.redline.command;

import io.redline.protocol.Args;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Finds a command by the raw bytes of its name, case-insensitively, without building a String:
 * the lookup every request pays for. Open addressing over lower-case names; rebuilt whenever the
 * table binds a command (start-up only).
 */
final class CommandIndex {
  private byte[][] names = new byte[0][];
  private CommandSpec[] specs = new CommandSpec[0];
  private int mask;

  void rebuild(Collection<CommandSpec> all) {
    int cap = Integer.highestOneBit(Math.max(4, all.size() * 4) - 1) << 1;
    byte[][] n = new byte[cap][];
    CommandSpec[] s = new CommandSpec[cap];
    int m = cap - 1;
    for (CommandSpec spec : all) {
      byte[] name = spec.name().getBytes(StandardCharsets.US_ASCII);
      int i = hash(name, 0, name.length) & m;
      while (n[i] != null) i = (i + 1) & m;
      n[i] = name;
      s[i] = spec;
    }
    names = n;
    specs = s;
    mask = m;
  }

  CommandSpec find(Args a, int arg) {
    byte[] b = a.buffer();
    int off = a.offset(arg);
    int len = a.length(arg);
    byte[][] n = names;
    if (n.length == 0) return null;
    for (int i = hash(b, off, len) & mask; n[i] != null; i = (i + 1) & mask) {
      if (equalsIgnoreCase(n[i], b, off, len)) return specs[i];
    }
    return null;
  }

  private static int hash(byte[] b, int off, int len) {
    int h = len;
    for (int i = off; i < off + len; i++) h = h * 31 + lower(b[i]);
    return h ^ (h >>> 16);
  }

  private static boolean equalsIgnoreCase(byte[] lowerName, byte[] b, int off, int len) {
    if (lowerName.length != len) return false;
    for (int i = 0; i < len; i++) if (lowerName[i] != lower(b[off + i])) return false;
    return true;
  }

  private static int lower(byte c) {
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  }
}
