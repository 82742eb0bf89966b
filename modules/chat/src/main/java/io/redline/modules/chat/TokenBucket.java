package io.redline.modules.chat;

/** Per-connection publish limit: {@code rate} messages a second, bursts of up to {@code rate}. */
final class TokenBucket {
  private double tokens;
  private long lastNanos = System.nanoTime();

  boolean take(int rate) {
    if (rate <= 0) return true; // 0: unlimited
    long now = System.nanoTime();
    tokens = Math.min(rate, tokens + (now - lastNanos) / 1e9 * rate);
    lastNanos = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  TokenBucket(int rate) { this.tokens = Math.max(rate, 0); }
}
