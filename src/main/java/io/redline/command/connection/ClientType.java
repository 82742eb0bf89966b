package io.redline.command.connection;

import io.redline.server.ClientConnection;
import java.util.Locale;

/** The client classes of CLIENT LIST TYPE and CLIENT KILL TYPE. */
enum ClientType {
  NORMAL, REPLICA, MASTER, PUBSUB;

  /** Parses Redis's names (case-insensitive, "slave" for replica); null when unknown. */
  static ClientType parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "normal" -> NORMAL;
      case "replica", "slave" -> REPLICA;
      case "master" -> MASTER;
      case "pubsub" -> PUBSUB;
      default -> null;
    };
  }

  /** A subscribed client is "pubsub" (in either protocol); every other one is normal until replication exists. */
  static ClientType of(ClientConnection c) {
    return c.subscribed() ? PUBSUB : NORMAL;
  }

  static String unknown(String s) {
    return "ERR Unknown client type '" + s + "'";
  }
}
