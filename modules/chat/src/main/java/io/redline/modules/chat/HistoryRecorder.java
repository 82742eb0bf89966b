package io.redline.modules.chat;

import io.redline.pubsub.PubSubHub;
import io.redline.util.Glob;
import io.vertx.core.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Keeps each room's last messages in the list key {@code chat-history:<channel>}, whoever
 * published them (a browser or redis-cli): it observes every PUBLISH (without counting as a
 * receiver) and sends RPUSH + LTRIM for the channels browsers may use, over its own connection,
 * so the writes are ordinary commands (replicated, persisted, waking BLPOP like any other).
 */
final class HistoryRecorder implements PubSubHub.PublishObserver {
  static final String KEY_PREFIX = "chat-history:";
  private static final byte[] PREFIX = KEY_PREFIX.getBytes(StandardCharsets.UTF_8);
  private static final byte[] RPUSH = "RPUSH".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LTRIM = "LTRIM".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LAST = "-1".getBytes(StandardCharsets.US_ASCII);

  private final Context context;
  private final Upstream writer;
  private final Supplier<ChatSettings> settings;

  HistoryRecorder(Context context, Upstream writer, Supplier<ChatSettings> settings) {
    this.context = context;
    this.writer = writer;
    this.settings = settings;
  }

  /** On the publishing thread: decide cheaply, then hand the write to the recorder's loop. */
  @Override
  public void published(byte[] channel, byte[] message) {
    ChatSettings s = settings.get();
    int keep = s.historyLength();
    if (keep <= 0 || (channel.length >= 2 && channel[0] == '_' && channel[1] == '_')) return;
    if (!Glob.match(s.channels().getBytes(StandardCharsets.UTF_8), channel)) return;
    byte[] key = new byte[PREFIX.length + channel.length];
    System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
    System.arraycopy(channel, 0, key, PREFIX.length, channel.length);
    byte[] trimFrom = Integer.toString(-keep).getBytes(StandardCharsets.US_ASCII);
    // One loop sends them, so each channel's history keeps publish order.
    context.runOnContext(v -> writer.get().onSuccess(w -> {
      w.call(RPUSH, key, message);
      w.call(LTRIM, key, trimFrom, LAST);
    }));
  }
}
