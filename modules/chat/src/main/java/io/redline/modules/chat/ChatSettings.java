package io.redline.modules.chat;

import io.redline.config.ServerConfig;

/**
 * The chat module's view of the config, re-read about once a second so CONFIG SET applies.
 * (Output-buffer limits are not here: each browser has the core's own {@code OutputGuard}.)
 */
record ChatSettings(String host, int port, String password, int historyLength, int publishRate, String channels) {

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
    String bind = config.get("bind").trim().split("\\s+")[0];
    String host = bind.equals("*") || bind.startsWith("-") || bind.contains("*") ? "127.0.0.1" : bind;
    return new ChatSettings(host, serverPort, config.get("requirepass"), config.getInt("chat-history-length"),
        config.getInt("chat-publish-rate"), config.get("chat-channels"));
  }
}
