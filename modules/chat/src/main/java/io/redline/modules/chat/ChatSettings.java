package io.redline.modules.chat;

import io.redline.config.ServerConfig;

/**
 * The chat module's view of the config, read afresh where it matters (CONFIG SET applies at once).
 * Output-buffer limits are the server's own pubsub class of client-output-buffer-limit, so a slow
 * browser is treated exactly like a slow RESP subscriber.
 */
record ChatSettings(String host, int port, String password, int historyLength, int publishRate,
                    String channels, long hardLimit, long softLimit, int softSeconds) {

  /**
   * Settings re-read at most once a second: they are consulted for every message and every
   * browser, and CONFIG SET only needs to take effect promptly, not on the very next frame.
   */
  static java.util.function.Supplier<ChatSettings> cached(ServerConfig config, int serverPort) {
    return new java.util.function.Supplier<>() {
      private ChatSettings current;
      private long readAtNanos;

      @Override
      public ChatSettings get() {
        long now = System.nanoTime();
        if (current == null || now - readAtNanos > 1_000_000_000L) {
          current = read(config, serverPort);
          readAtNanos = now;
        }
        return current;
      }
    };
  }

  static ChatSettings read(ServerConfig config, int serverPort) {
    long hard = 32L << 20, soft = 8L << 20;
    int seconds = 60;
    String limits = config.get("client-output-buffer-limit");
    if (limits != null) {
      String[] w = limits.trim().split("\\s+");
      for (int i = 0; i + 3 < w.length; i += 4) {
        if (w[i].equalsIgnoreCase("pubsub")) {
          hard = memory(w[i + 1]);
          soft = memory(w[i + 2]);
          seconds = Integer.parseInt(w[i + 3]);
        }
      }
    }
    String bind = config.get("bind").trim().split("\\s+")[0];
    String host = bind.equals("*") || bind.startsWith("-") || bind.contains("*") ? "127.0.0.1" : bind;
    return new ChatSettings(host, serverPort, config.get("requirepass"), config.getInt("chat-history-length"),
        config.getInt("chat-publish-rate"), config.get("chat-channels"), hard, soft, seconds);
  }

  /** "32mb" / "8388608" / "1gb" as Redis reads memory amounts. */
  static long memory(String v) {
    String s = v.toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1000"}, {"m", "1000000"}, {"g", "1000000000"}, {"b", "1"}};
    for (String[] u : units) {
      if (s.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        s = s.substring(0, s.length() - u[0].length());
        break;
      }
    }
    return Long.parseLong(s) * unit;
  }
}
