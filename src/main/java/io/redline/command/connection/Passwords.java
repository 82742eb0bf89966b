package io.redline.command.connection;

import io.redline.server.ServerContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one user Redline has, Redis's "default", guarded by requirepass. Shared by AUTH and HELLO
 * AUTH so both accept and refuse exactly alike.
 */
final class Passwords {
  static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

  private Passwords() {}

  /** Whether {@code user}/{@code password} log in: with no requirepass, "default" takes any password. */
  static boolean check(ServerContext server, String user, byte[] password) {
    if (!user.equals("default")) return false;
    String required = server.config().get("requirepass");
    if (required.isEmpty()) return true;
    // Constant time, so the reply's timing says nothing about how much of the password matched.
    return MessageDigest.isEqual(required.getBytes(StandardCharsets.UTF_8), password);
  }
}
