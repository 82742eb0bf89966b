package io.redline.server;

import io.redline.command.CommandSpec;
import io.redline.config.ServerConfig;
import io.redline.protocol.Args;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The arguments Redis never shows in SLOWLOG or MONITOR (its redactClientCommandArgument calls). */
final class Redaction {
  static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

  private Redaction() {}

  /** Which arguments to show as "(redacted)": AUTH's, HELLO's after AUTH, CONFIG SET's sensitive values; null when none. */
  static boolean[] secrets(CommandSpec spec, Args args, ServerConfig config) {
    boolean[] r = null;
    switch (spec.name()) {
      case "auth" -> {
        r = new boolean[args.size()];
        Arrays.fill(r, 1, r.length, true);
      }
      case "hello" -> {
        for (int j = 2; j + 2 < args.size(); j++) {
          if (args.is(j, "AUTH")) {
            r = new boolean[args.size()];
            r[j + 1] = true;
            r[j + 2] = true;
            break;
          }
        }
      }
      case "config|set" -> {
        for (int j = 2; j + 1 < args.size(); j += 2) {
          if (config.sensitive(args.string(j))) {
            if (r == null) r = new boolean[args.size()];
            r[j + 1] = true;
          }
        }
      }
      default -> { }
    }
    return r;
  }
}
