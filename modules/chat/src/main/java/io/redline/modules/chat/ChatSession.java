package io.redline.modules.chat;

import io.redline.pubsub.Delivery;
import io.redline.pubsub.OutputGuard;
import io.redline.pubsub.PubSubHub;
import io.redline.pubsub.Subscriber;
import io.redline.pubsub.SubscriptionKind;
import io.redline.pubsub.Subscriptions;
import io.redline.util.Glob;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.charset.StandardCharsets;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One browser on the WebSocket endpoint. Speaks the JSON protocol of docs/chat.md: auth,
 * subscribe (with the room's recent history), unsubscribe, publish, ping. Its unsent frames are
 * counted like a RESP subscriber's output buffer and it is cut off at the same limits.
 *
 * <p>Frames go straight to the connection's Netty pipeline (the WebSocket encoder), as RESP
 * replies do: a message is written, not flushed, and the hub's batch ends with one flush per
 * browser, where Vert.x's own write would flush each frame. Everything this session sends takes
 * that path, so replies and messages keep their order.
 */
final class ChatSession implements Subscriber {
  private static final Logger LOG = Logger.getLogger("redline.chat");
  private static final int MAX_FRAME = 64 * 1024;
  /** Within a long delivery batch, the limits are checked again once this much was written. */
  private static final int IN_BATCH_CHECK_BYTES = 64 * 1024;

  private final ServerWebSocket ws;
  private final ChannelHandlerContext ctx;
  private final PubSubHub hub;
  private final int lane;
  private final Subscriptions subscriptions;
  private final FrameCache frames;
  private final Upstream commands;
  private final Authenticator auth;
  private final Supplier<ChatSettings> settings;
  private final TokenBucket publishes;
  /** Channel → live messages held back until the history reply has gone out (null once it has). */
  private final Map<String, List<byte[]>> joined = new HashMap<>();
  private boolean authenticated;
  private boolean closed;
  /** Messages were written since the last flush. */
  private boolean unflushed;
  /** Bytes written since the output limits were last checked. */
  private long uncheckedBytes;
  private final OutputGuard outputGuard;

  ChatSession(ServerWebSocket ws, PubSubHub hub, int lane, FrameCache frames, Upstream commands, Authenticator auth,
              Supplier<ChatSettings> settings) {
    this.ws = ws;
    this.ctx = ((WebSocketInternal) ws).channelHandlerContext();
    this.hub = hub;
    this.lane = lane;
    this.frames = frames;
    this.subscriptions = new Subscriptions(hub, this);
    this.outputGuard = new OutputGuard(hub);
    this.commands = commands;
    this.auth = auth;
    this.settings = settings;
    ChatSettings s = settings.get();
    this.publishes = new TokenBucket(s.publishRate());
    this.authenticated = s.password() == null || s.password().isEmpty();
    ws.textMessageHandler(this::onFrame);
    ws.binaryMessageHandler(b -> error(null, "binary frames are not supported; send JSON text"));
    ws.closeHandler(v -> onClose());
    send(new JsonObject().put("type", "welcome").put("auth", !authenticated));
  }

  /** Channels whose names start with "__" (keyspace events, internal) are never open to browsers. */
  static boolean reserved(String channel) { return channel.startsWith("__"); }

  private void onFrame(String text) {
    if (closed) return;
    JsonObject req;
    try {
      if (text.length() > MAX_FRAME) throw new DecodeException("frame too large");
      req = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(null, "invalid JSON request");
      return;
    }
    Object id = req.getValue("id");
    String op = req.getValue("op") instanceof String o ? o : "";
    if (!authenticated && !op.equals("auth") && !op.equals("ping")) {
      error(id, "NOAUTH Authentication required.");
      return;
    }
    switch (op) {
      case "auth" -> auth(id, req);
      case "subscribe" -> subscribe(id, req);
      case "unsubscribe" -> unsubscribe(id, req);
      case "publish" -> publish(id, req);
      case "ping" -> send(reply("pong", id));
      default -> error(id, "unknown op '" + op + "'");
    }
  }

  private void auth(Object id, JsonObject req) {
    String user = req.getValue("user") instanceof String u ? u : null;
    String password = req.getValue("password") instanceof String p ? p : "";
    ws.pause(); // requests sent right behind the auth wait for its answer, in order
    auth.check(user, password).onComplete(r -> {
      ws.resume();
      if (closed) return;
      if (r.succeeded() && r.result() == null) {
        authenticated = true;
        send(reply("ok", id));
      } else {
        error(id, r.succeeded() ? r.result() : "ERR " + r.cause().getMessage());
      }
    });
  }

  private String channel(Object id, JsonObject req) {
    if (!(req.getValue("channel") instanceof String c) || c.isEmpty()) {
      error(id, "'channel' must be a non-empty string");
      return null;
    }
    if (reserved(c) || !Glob.match(settings.get().channels(), c, false)) {
      error(id, "channel '" + c + "' is not open to WebSocket clients");
      return null;
    }
    return c;
  }

  private void subscribe(Object id, JsonObject req) {
    String channel = channel(id, req);
    if (channel == null || joined.containsKey(channel)) {
      if (channel != null) send(reply("subscribed", id).put("channel", channel));
      return;
    }
    int keep = settings.get().historyLength();
    int wanted = req.getValue("history") instanceof Number n ? Math.max(0, Math.min(n.intValue(), keep)) : keep;
    subscriptions.add(SubscriptionKind.CHANNEL, channel.getBytes(StandardCharsets.UTF_8)); // live from here on
    if (wanted == 0) {
      joined.put(channel, null);
      send(reply("subscribed", id).put("channel", channel).put("history", new JsonArray()));
      return;
    }
    // Live messages wait until the history is out, so the browser sees them in order.
    joined.put(channel, new ArrayList<>());
    commands.get().compose(l -> l.call("LRANGE", HistoryRecorder.KEY_PREFIX + channel, Integer.toString(-wanted), "-1"))
        .onComplete(r -> {
          if (closed || !joined.containsKey(channel)) return;
          JsonArray history = new JsonArray();
          if (r.succeeded() && r.result() instanceof List<?> items) for (Object o : items) history.add(RespReplyReader.text(o));
          send(reply("subscribed", id).put("channel", channel).put("history", history));
          List<byte[]> held = joined.put(channel, null);
          if (held != null) {
            for (byte[] frame : held) write(frame);
            flushDeliveries();
          }
        });
  }

  private void unsubscribe(Object id, JsonObject req) {
    String channel = channel(id, req);
    if (channel == null) return;
    joined.remove(channel);
    subscriptions.remove(SubscriptionKind.CHANNEL, channel.getBytes(StandardCharsets.UTF_8));
    send(reply("unsubscribed", id).put("channel", channel));
  }

  private void publish(Object id, JsonObject req) {
    String channel = channel(id, req);
    if (channel == null) return;
    if (!(req.getValue("message") instanceof String message)) {
      error(id, "'message' must be a string");
      return;
    }
    if (!publishes.take(settings.get().publishRate())) {
      error(id, "publish rate limit exceeded");
      return;
    }
    long receivers = hub.publish(channel.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
    send(reply("published", id).put("channel", channel).put("receivers", receivers));
  }

  @Override
  public int lane() { return lane; }

  /** On this session's loop: a message of a channel it joined (dropped if it has left since). */
  @Override
  public boolean deliver(Delivery d) {
    if (closed || !subscriptions.covers(d)) return false;
    byte[] frame = frames.frameFor(d);
    List<byte[]> held = joined.get(new String(d.channel(), StandardCharsets.UTF_8));
    if (held != null) {
      held.add(frame);
      return false;
    }
    write(frame);
    if (uncheckedBytes >= IN_BATCH_CHECK_BYTES) checkLimits();
    if (closed || unflushed) return false;
    unflushed = true;
    return true; // the lane calls flushDeliveries once after its batch
  }

  @Override
  public void flushDeliveries() {
    unflushed = false;
    if (closed) return;
    ctx.flush();
    checkLimits();
  }

  /** Queues one text frame (not flushed); {@code utf8} may be shared with other sessions. */
  private void write(byte[] utf8) {
    if (closed) return;
    ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)), ctx.voidPromise());
    uncheckedBytes += utf8.length;
  }


  /**
   * The core's own rule for subscribers (OutputGuard: the pubsub class of client-output-buffer-limit,
   * and the share of the heap all clients' output may take), checked as RESP subscribers are.
   */
  private void checkLimits() {
    if (closed) return;
    uncheckedBytes = 0;
    long pending = OutputGuard.unsentBytes(ctx.channel()); // written or flushed, not yet taken by the kernel
    String why = outputGuard.check(pending, true);
    if (why != null) {
      LOG.warning("WebSocket client " + ws.remoteAddress() + " (" + pending + " bytes pending) " + why);
      closeNow();
    }
  }

  /**
   * Cuts the browser off as Redis cuts a client: the socket is closed at once, with what it owed
   * dropped. A close frame is queued first for a browser that still reads, but no close handshake
   * is awaited: a peer that stopped reading would never complete it.
   */
  private void closeNow() {
    onClose();
    ctx.writeAndFlush(new CloseWebSocketFrame(1008, "output buffer limit"), ctx.voidPromise());
    ctx.channel().close();
  }

  private void onClose() {
    if (closed) return;
    closed = true;
    subscriptions.close();
    outputGuard.release();
    joined.clear();
  }

  private static JsonObject reply(String type, Object id) {
    JsonObject o = new JsonObject().put("type", type);
    if (id != null) o.put("id", id);
    return o;
  }

  private void error(Object id, String message) { send(reply("error", id).put("error", message)); }

  /** A reply: written and flushed at once, behind any message written before it. */
  private void send(JsonObject o) {
    write(o.encode().getBytes(StandardCharsets.UTF_8));
    flushDeliveries();
  }
}
