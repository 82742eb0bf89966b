package io.redline.server;

import io.redline.command.CommandSpec;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;

/**
 * The checks every command passes before it runs, with Redis's error texts: known command and
 * subcommand, arity, authentication, and RESP2's subscribed-mode restriction (checked after
 * arity and authentication, as Redis's processCommand does). Returns the spec to run, or null after writing the error.
 */
final class CommandPreconditions {
  private final ServerContext server;

  CommandPreconditions(ServerContext server) {
    this.server = server;
  }

  CommandSpec resolve(ClientConnection client, Args args) {
    CommandSpec spec = server.commands().lookup(args);
    if (spec == null) {
      reject(client, unknownCommand(args));
      return null;
    }
    if (spec.isContainer() && (args.size() >= 2 || spec.handler() == null)) {
      // A container runs itself only without a subcommand, and only if it has a handler (COMMAND).
      if (args.size() < 2) {
        spec.recordRejected();
        reject(client, "ERR wrong number of arguments for '" + spec.name() + "' command");
        return null;
      }
      CommandSpec sub = spec.subcommands().get(spec.name() + "|" + args.lowerName(1));
      if (sub == null || sub.handler() == null) {
        spec.recordRejected();
        reject(client, "ERR unknown subcommand '" + clip(args.cString(1), 128) + "'. Try " + spec.upperName() + " HELP.");
        return null;
      }
      spec = sub;
    }
    if (!spec.arityOk(args.size())) {
      spec.recordRejected();
      reject(client, "ERR wrong number of arguments for '" + spec.name() + "' command");
      return null;
    }
    if (!client.authenticated() && !spec.hasFlag("no_auth")) {
      spec.recordRejected();
      reject(client, "NOAUTH Authentication required.");
      return null;
    }
    if (client.inSubscribedMode() && !ALLOWED_WHILE_SUBSCRIBED.contains(spec.name())) {
      spec.recordRejected();
      reject(client, "ERR Can't execute '" + spec.name()
          + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
      return null;
    }
    return spec;
  }

  /** What a RESP2 client may run while subscribed (a subcommand's name is "parent|sub", never one of these). */
  private static final java.util.Set<String> ALLOWED_WHILE_SUBSCRIBED = java.util.Set.of(
      "subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe", "ping", "quit", "reset");

  private void reject(ClientConnection client, String error) {
    server.stats().countError(error.substring(0, Math.max(0, error.indexOf(' '))));
    if (client.settings().takeReplySuppression()) return; // CLIENT REPLY OFF/SKIP silence errors too
    ReplyWriter w = client.replyWriter();
    w.errorLatin1(error); // client bytes quoted in the error go back byte for byte
  }

  /**
   * Redis: "unknown command 'x', with args beginning with: 'a' 'b' ". Each argument is printed as
   * a C string (up to a NUL), clipped to what is left of 128 bytes before its opening quote.
   */
  private static String unknownCommand(Args args) {
    StringBuilder list = new StringBuilder();
    for (int i = 1; i < args.size() && list.length() < 128; i++) {
      int room = 128 - list.length();
      list.append('\'').append(clip(args.cString(i), room)).append("' ");
    }
    return "ERR unknown command '" + clip(args.cString(0), 128) + "', with args beginning with: " + list;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
