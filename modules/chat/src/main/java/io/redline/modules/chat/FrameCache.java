package io.redline.modules.chat;

import io.redline.pubsub.Delivery;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One event loop's last message frame. The hub hands a loop one {@link Delivery} for all of its
 * subscribers of a channel, so however many browsers on the loop are in the room, the JSON frame
 * is built and UTF-8 encoded once; every browser's WebSocket frame wraps the same bytes. Loop
 * thread only.
 */
final class FrameCache {
  private Delivery last;
  private byte[] frame;

  /** The frame's UTF-8 bytes; shared, never to be changed. */
  byte[] frameFor(Delivery d) {
    if (d != last) {
      JsonObject o = new JsonObject().put("type", "message").put("channel", new String(d.channel(), StandardCharsets.UTF_8))
          .put("message", new String(d.payload(), StandardCharsets.UTF_8));
      if (d.pattern() != null) o.put("pattern", new String(d.pattern(), StandardCharsets.UTF_8));
      frame = o.encode().getBytes(StandardCharsets.UTF_8);
      last = d;
    }
    return frame;
  }
}
