package io.redline.modules.chat;

import io.redline.pubsub.Delivery;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One event loop's last message frame. The hub hands a loop one {@link Delivery} for all of its
 * subscribers of a channel, so however many browsers on the loop are in the room, the JSON frame
 * is built once. Loop thread only.
 */
final class FrameCache {
  private Delivery last;
  private String frame;
  private int bytes;

  String frameFor(Delivery d) {
    if (d != last) {
      JsonObject o = new JsonObject().put("type", "message").put("channel", new String(d.channel(), StandardCharsets.UTF_8))
          .put("message", new String(d.payload(), StandardCharsets.UTF_8));
      if (d.pattern() != null) o.put("pattern", new String(d.pattern(), StandardCharsets.UTF_8));
      frame = o.encode();
      bytes = frame.getBytes(StandardCharsets.UTF_8).length;
      last = d;
    }
    return frame;
  }

  /** UTF-8 size of the frame last returned. */
  int bytes() { return bytes; }
}
