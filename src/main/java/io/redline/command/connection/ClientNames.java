package io.redline.command.connection;

import io.redline.protocol.Args;

/** Redis's rule for client names and library attributes: printable ASCII without spaces. */
final class ClientNames {
  static final String BAD_NAME = "ERR Client names cannot contain spaces, newlines or special characters.";

  private ClientNames() {}

  /** Whether argument {@code i} has only bytes '!'..'~' (so CLIENT LIST stays one line per client). */
  static boolean valid(Args a, int i) {
    byte[] b = a.buffer();
    for (int k = a.offset(i), end = k + a.length(i); k < end; k++) {
      if (b[k] < '!' || b[k] > '~') return false;
    }
    return true;
  }
}
