package io.redline.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.redline.command.CommandSpec;
import io.redline.protocol.Args;
import io.redline.protocol.ProtocolException;
import io.redline.protocol.ReplyWriter;
import io.redline.protocol.RespParser;
import io.redline.pubsub.OutputGuard;
import io.redline.pubsub.Subscriptions;
import io.redline.shard.Shard;
import io.vertx.core.internal.net.NetSocketInternal;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One client connection, living on one event loop: parses requests, hands each to the
 * {@link CommandDispatcher}, and sends replies back in request order.
 *
 * <p>Replies produced on this loop go straight into the output buffer while nothing is pending;
 * once a command has gone to another shard, every later reply waits in a {@link PendingReply}
 * slot behind it. Output is flushed once per read batch (or per batch of remote completions),
 * not once per command.
 *
 * <p>Its pub/sub side is a {@link ClientSubscriber}: published messages arrive on this loop and
 * are written between replies, never inside one. Output goes straight into Netty's outbound buffer,
 * so everything owed to the client is in one place, where the client-output-buffer-limit
 * checks measure it.
 */
public final class ClientConnection {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("redline");
  private static final int IN_BATCH_CHECK_BYTES = 16 * 1024;

  private final ServerContext server;
  private final NetSocketInternal socket;
  private final Shard home;
  private final long id;
  private final RespParser parser;
  private final ReplyWriter writer = new ReplyWriter(null, 2);
  private final ArrayDeque<PendingReply> pending = new ArrayDeque<>();
  private final CommandDispatcher dispatcher;
  private final RespParser.CommandSink sink;
  private final ByteBufAllocator alloc;
  private ByteBuf out;
  private boolean flushScheduled;
  private int queuedOnHome;
  private PendingReply barrier;
  private boolean closeAfterReplies;
  private boolean closed;
  private boolean pausedReading;
  /** A command held back by CLIENT PAUSE, with everything after it left unparsed until it runs. */
  private Args held;

  /** The blocking command this client is parked in, if any (set from the thread that parked it). */
  private volatile Waiter parked;
  private TransactionState multi;
  private volatile WatchState watch = new WatchState();
  /** The pub/sub side: subscriptions and deliveries. */
  private final ClientSubscriber subscriber = new ClientSubscriber(this);
  /** client-output-buffer-limit for this connection. */
  private final OutputGuard outputGuard;

  // Session state, touched only on the home loop.
  private int db;
  private int resp = 2;
  private boolean authenticated;
  private String name = "";
  private final ClientSettings settings = new ClientSettings();
  private volatile String lastCommand = "NULL";
  private final long createdMillis = System.currentTimeMillis();
  private volatile long lastInteractionMillis = createdMillis;
  private final String address;
  private final String localAddress;

  ClientConnection(ServerContext server, NetSocketInternal socket, Shard home, CommandDispatcher dispatcher) {
    this.server = server;
    this.socket = socket;
    this.home = home;
    this.dispatcher = dispatcher;
    this.sink = args -> dispatcher.dispatch(this, args);
    this.id = server.clients().newId();
    this.parser = new RespParser(server.config().getLong("proto-max-bulk-len"));
    this.alloc = socket.channelHandlerContext().alloc();
    this.outputGuard = new OutputGuard(server.pubsub());
    this.authenticated = server.config().get("requirepass").isEmpty();
    parser.authenticated(authenticated);
    this.address = socket.remoteAddress() == null ? "?" : socket.remoteAddress().host() + ":" + socket.remoteAddress().port();
    this.localAddress = socket.localAddress() == null ? "?" : socket.localAddress().host() + ":" + socket.localAddress().port();
  }

  void start() {
    server.clients().add(this);
    server.stats().connectionsReceived.increment();
    socket.messageHandler(msg -> onMessage((ByteBuf) msg));
    socket.readCompletionHandler(v -> flush());
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(t -> socket.close());
    // Vert.x's drain handler follows its own write queue, which our output bypasses: hear the
    // channel's writability directly to resume reading once the client has caught up.
    ChannelHandlerContext ctx = socket.channelHandlerContext();
    ctx.pipeline().addBefore(ctx.name(), "redline-writability", new ChannelInboundHandlerAdapter() {
      @Override
      public void channelWritabilityChanged(ChannelHandlerContext c) {
        if (c.channel().isWritable()) resumeReading();
        c.fireChannelWritabilityChanged();
      }
    });
  }

  // ---- input -------------------------------------------------------------------------------

  private void onMessage(ByteBuf msg) {
    try {
      server.stats().netInputBytes.add(msg.readableBytes());
      parser.maxBulkLen(server.config().getLong("proto-max-bulk-len")); // CONFIG SET applies to open connections
      parser.feed(msg);
    } finally {
      msg.release();
    }
    lastInteractionMillis = System.currentTimeMillis();
    parseBuffered();
  }

  private void parseBuffered() {
    if (closeAfterReplies || closed || held != null || behindBarrier()) return;
    try {
      parser.parse(sink);
    } catch (ProtocolException e) {
      ReplyWriter w = replyWriter();
      w.errorLatin1("ERR Protocol error: " + e.getMessage());
      server.stats().countError("ERR");
      closeAfterReplies();
    }
  }

  /** Lets the dispatcher say whether parsing may go on after a command (QUIT, pauses stop it). */
  boolean acceptingCommands() { return !closeAfterReplies && !closed && held == null && !behindBarrier(); }

  // ---- CLIENT PAUSE ------------------------------------------------------------------------

  /**
   * Keeps a paused command (a detached copy) until the pause ends: CLIENT UNPAUSE wakes us
   * through the registry, and a timer re-checks at the deadline, so the loop never waits.
   */
  void hold(Args command) {
    held = command;
    server.clients().awaitUnpause(this);
    long wait = server.clients().pausedUntil() - System.currentTimeMillis();
    home.loop().schedule(this::resumeHeld, Math.max(1, wait), TimeUnit.MILLISECONDS);
  }

  /** On the home loop: runs the held command if the pause is over, then resumes parsing. */
  void resumeHeld() {
    if (held == null || closed) return;
    Args command = held;
    held = null;
    server.clients().stopAwaiting(this);
    dispatcher.dispatch(this, command);
    if (held == null && parser.buffered() > 0 && !pausedReading) parseBuffered();
    flush();
  }

  // ---- output ------------------------------------------------------------------------------

  /**
   * The writer for the reply of the command being dispatched, in request order: the output
   * buffer itself when nothing is pending, otherwise a slot of its own that is already complete.
   */
  public ReplyWriter replyWriter() {
    if (pending.isEmpty()) {
      writer.buffer(out());
      writer.resp(resp);
      return writer;
    }
    PendingReply slot = new PendingReply();
    slot.reply = alloc.heapBuffer(64);
    slot.done = true;
    pending.add(slot);
    return new ReplyWriter(slot.reply, resp);
  }

  /**
   * Commands of this client queued for its own loop's shard and not yet answered. While there are
   * any, later commands for that shard must queue behind them; commands for other shards may
   * still run inline (their replies wait in order in their slots).
   */
  int queuedOnHome() { return queuedOnHome; }

  /** Reserves a slot for a reply that will be produced later (another shard, a queue, a waiter). */
  PendingReply reserve(boolean onHome) {
    PendingReply slot = new PendingReply();
    slot.onHome = onHome;
    if (onHome) queuedOnHome++;
    pending.add(slot);
    return slot;
  }

  /**
   * A blocking command (BLPOP...) did not answer at once: like Redis, run nothing after it until
   * it does, or the client's next command could be the push that serves it.
   */
  void waitFor(PendingReply slot) { barrier = slot; }

  private boolean behindBarrier() { return barrier != null && !barrier.done; }

  private void answered(PendingReply slot) {
    if (slot.onHome) queuedOnHome--;
    if (slot == barrier) barrier = null;
  }

  /** On the home loop: a remote reply has arrived for {@code slot}, in a buffer of its own. */
  void complete(PendingReply slot, ByteBuf reply) {
    slot.reply = reply;
    slot.done = true;
    answered(slot);
    if (closed) {
      slot.discard();
      return;
    }
    replyArrived();
  }

  /** On the home loop: a {@link HopBatch} has filled {@code slot}'s range of its buffer. */
  void completeBatched(PendingReply slot) {
    slot.done = true;
    answered(slot);
    if (closed) {
      slot.discard();
      return;
    }
    replyArrived();
  }

  private void replyArrived() {
    drainCompleted();
    if (!flushScheduled) {
      flushScheduled = true;
      // Runs after the current batch of completions: one flush for all of them.
      home.loop().execute(this::flushAndResume);
    }
  }

  private void drainCompleted() {
    while (!pending.isEmpty() && pending.peek().done) {
      pending.poll().writeTo(out());
    }
  }

  private void flushAndResume() {
    flushScheduled = false;
    // Commands waiting in the buffer (behind a blocking command, or a full pipeline) run first,
    // so replies they produce here go out with this flush rather than waiting for the next read.
    if (parser.buffered() > 0 && !pausedReading) parseBuffered();
    flush();
  }

  private ByteBuf out() {
    // Heap, not direct: replies are written a few bytes at a time, and small puts into a direct
    // buffer go byte by byte through the JDK (38% of CPU at pipeline 16); Netty copies the whole
    // buffer to the socket in one go instead.
    if (out == null) out = alloc.heapBuffer(4096);
    return out;
  }

  void flush() {
    if (closed) return;
    drainCompleted();
    if (out != null && out.isReadable()) {
      // appendfsync always: no reply leaves before the writes appended so far are on disk.
      if (awaitingAof) return;
      if (server.aof().holdReplies(home.loop(), this::aofDurable)) {
        awaitingAof = true;
        return;
      }
      ByteBuf b = out;
      out = null;
      server.stats().netOutputBytes.add(b.readableBytes());
      // Into Netty's outbound buffer directly, not through Vert.x's write queue (which holds
      // messages back while the channel is unwritable, out of sight of the limits below).
      ChannelHandlerContext ctx = socket.channelHandlerContext();
      ctx.writeAndFlush(b, ctx.voidPromise());
      if (!ctx.channel().isWritable() && !pausedReading) {
        // The client is not reading its replies: stop reading its requests until it does.
        pausedReading = true;
        socket.pause();
      }
    }
    if (closeAfterReplies && pending.isEmpty()) {
      closed = true;
      socket.close();
      return;
    }
    checkOutputLimits();
  }

  /** Replies were held for an fsync (appendfsync always), which is done: send them. */
  private boolean awaitingAof;

  private void aofDurable() {
    awaitingAof = false;
    flush();
  }

  private void resumeReading() {
    if (pausedReading && !closed) {
      pausedReading = false;
      socket.resume();
    }
  }

  // ---- pub/sub (ClientSubscriber) ------------------------------------------------------------

  /** This client's subscriptions, created on first use. Home loop only. */
  public Subscriptions subscriptions() { return subscriber.subscriptions(); }

  /** Subscribed to anything: Redis's "pubsub" client state (flag P, TYPE pubsub). Any thread. */
  public boolean subscribed() { return subscriber.subscribed(); }

  /** RESP2 subscribed mode: only (P|S)(UN)SUBSCRIBE, PING, QUIT and RESET may run. */
  public boolean inSubscribedMode() { return resp == 2 && subscribed(); }

  /** sub / psub / ssub of CLIENT LIST. Any thread. */
  public int channelSubscriptions() { return subscriber.channels(); }
  public int patternSubscriptions() { return subscriber.patterns(); }
  public int shardChannelSubscriptions() { return subscriber.shardChannels(); }

  private void dropSubscriptions() { subscriber.drop(); }

  /**
   * A published message (home loop): written behind the replies owed (see {@link #appendOutOfBand});
   * within a long delivery batch the limits are checked once the unflushed part alone is large.
   * False when that closed the connection.
   */
  boolean writeMessage(byte[] frame) {
    appendOutOfBand(frame, resp >= 3);
    if (out != null && out.readableBytes() >= IN_BATCH_CHECK_BYTES) checkOutputLimits();
    return !closed;
  }

  /**
   * Output that is not a reply to this client's commands (a message, a MONITOR line): behind every
   * reply owed, unless it is a RESP3 push that may pass replies still being computed elsewhere.
   */
  private void appendOutOfBand(byte[] frame, boolean push) {
    if (pending.isEmpty() || (push && !anyReplyWaiting())) {
      out().writeBytes(frame);
    } else {
      PendingReply slot = new PendingReply();
      slot.reply = alloc.heapBuffer(frame.length);
      slot.reply.writeBytes(frame);
      slot.done = true;
      pending.add(slot);
    }
  }

  // ---- MONITOR and client-side caching: output produced on other threads ------------------

  /** Lines and invalidations from other threads, created on first use. */
  private volatile OutOfBandQueue outOfBand;
  /** MONITOR mode (flag O); cleared by RESET. */
  private volatile boolean monitoring;
  /** CLIENT TRACKING state; null while off. */
  private volatile Tracking tracking;

  private OutOfBandQueue outOfBand() {
    OutOfBandQueue q = outOfBand;
    if (q == null) outOfBand = q = new OutOfBandQueue(this);
    return q;
  }

  /** MONITOR: from now on every command the server runs is shown here; false if it already was. Home loop. */
  public boolean startMonitoring() {
    if (monitoring) return false;
    outOfBand();
    monitoring = true;
    return server.monitors().add(this);
  }

  /** Monitor flag "O" of CLIENT LIST. Any thread. */
  public boolean monitoring() { return monitoring; }

  /** A MONITOR line, from any thread. */
  void monitorLine(byte[] line) {
    if (monitoring) outOfBand.offer(line);
  }

  /** CLIENT TRACKING's state, or null when off. Any thread. */
  public Tracking tracking() { return tracking; }

  /** CLIENT TRACKING ON/OFF (null). Home loop. */
  public void tracking(Tracking t) {
    outOfBand();
    Tracking old = tracking;
    tracking = t;
    server.tracking().changed(this, old, t);
  }

  /** A tracking message (an invalidation), from any thread: behind every reply owed, as Redis defers it. */
  void trackingMessage(byte[] frame) { outOfBand().offer(frame); }

  /** On the home loop: what other threads queued since the last batch. */
  void writeOutOfBand(java.util.Queue<byte[]> lines) {
    byte[] line;
    while ((line = lines.poll()) != null) if (!closed) appendOutOfBand(line, false);
    flush();
  }

  /** A reply that is complete but held behind an unfinished one: later output must queue too. */
  private boolean anyReplyWaiting() {
    for (PendingReply p : pending) if (p.done) return true;
    return false;
  }

  // ---- output buffer limits ----------------------------------------------------------------

  /**
   * Everything owed to the client and not yet taken by the kernel: the output buffer, replies
   * held in order, and Netty's outbound buffer. Exact on the home loop; from another loop the
   * held replies are left out (they belong to this loop).
   */
  public long outputMemory() {
    ByteBuf o = out;
    long n = (o == null ? 0 : o.readableBytes()) + OutputGuard.unsentBytes(socket.channelHandlerContext().channel());
    if (home.inLoop()) {
      for (PendingReply p : pending) {
        if (!p.done) continue;
        n += p.batch != null ? p.to - p.from : p.reply == null ? 0 : p.reply.readableBytes();
      }
    }
    return n;
  }

  /** Buffers queued in Netty for the socket (CLIENT LIST oll counts them with held replies). */
  public int outboundBuffers() { return OutputGuard.unsentBuffers(socket.channelHandlerContext().channel()); }

  /** Redis's checkClientOutputBufferLimits, after every flush and during long delivery batches. */
  private void checkOutputLimits() {
    if (closed) return;
    long used = outputMemory();
    String why = outputGuard.check(used, subscribed());
    if (why != null) closeForOutputLimit(why);
  }

  private void closeForOutputLimit(String why) {
    // As Redis logs it: the client's CLIENT LIST fields, then why.
    LOG.warning("Client " + io.redline.command.connection.ClientLine.fields(this, System.currentTimeMillis()) + " " + why);
    server.clients().remove(this);
    outputGuard.release();
    closed = true;
    dropSubscriptions(); // PUBLISH stops counting it now, not when the close completes
    if (out != null) {
      out.release();
      out = null;
    }
    // Netty's close, not Vert.x's: discards the unsent output instead of trying to flush it.
    socket.channelHandlerContext().channel().close();
  }

  /** Closes the connection once every reply owed has been sent (QUIT, protocol errors). */
  public void closeAfterReplies() { closeAfterReplies = true; }

  /** CLIENT KILL: closes at once, from any thread. */
  public void kill() {
    server.clients().remove(this); // gone from CLIENT LIST/KILL at once, as Redis frees it at once
    home.controlOrRun(() -> {
      if (!closed) {
        closed = true;
        socket.close();
      }
    });
  }

  private void onClosed() {
    closed = true;
    dropSubscriptions();
    if (monitoring) server.monitors().remove(this);
    if (tracking != null) tracking(null);
    outputGuard.release();
    Waiter w = parked;
    if (w != null) server.blocking().abandoned(w);
    if (!watch.isEmpty()) server.watches().unwatch(watch);
    held = null;
    server.clients().stopAwaiting(this);
    server.clients().remove(this);
    for (PendingReply p : pending) p.discard();
    pending.clear();
    if (out != null) {
      out.release();
      out = null;
    }
  }

  // ---- MULTI / WATCH ------------------------------------------------------------------------

  /** MULTI: from now on commands are queued until EXEC or DISCARD. */
  public void multi() { multi = new TransactionState(); }

  public boolean inMulti() { return multi != null; }

  /** Commands queued since MULTI, or -1 outside MULTI (CLIENT LIST "multi"). */
  public int multiQueued() {
    TransactionState t = multi;
    return t == null ? -1 : t.queued.size();
  }

  TransactionState transaction() { return multi; }

  /** Ends MULTI (EXEC, DISCARD, RESET) and forgets the watches, as Redis does. */
  public void endMulti() {
    multi = null;
    unwatch();
  }

  /** WATCH, on the thread holding the keys' shard(s). */
  public void watch(io.redline.command.CommandContext ctx) { server.watches().watch(ctx, watch); }

  /** UNWATCH: a fresh state, the old registrations dropped by their shards. */
  public void unwatch() {
    WatchState old = watch;
    watch = new WatchState();
    if (!old.isEmpty()) server.watches().unwatch(old);
  }

  /**
   * EXEC: hands over the current watches and starts fresh ones. The caller drops the old
   * registrations only after the transaction has run, so writes up to that moment still count.
   */
  WatchState takeWatch() {
    WatchState old = watch;
    watch = new WatchState();
    multi = null;
    return old;
  }

  void parkedOn(Waiter w) { this.parked = w; }

  /** Whether the client is parked in a blocking command (INFO blocked_clients, CLIENT LIST flags). */
  public boolean isBlocked() { return parked != null; }

  /** CLIENT UNBLOCK: ends the blocking command this client is parked in; false if none. Any thread. */
  public boolean unblock(boolean withError) {
    Waiter w = parked;
    return w != null && server.blocking().unblock(w, withError);
  }

  /** On the home loop: see {@link CommandDispatcher#retryParked}. */
  void retryParked(Waiter w) {
    if (closed) return;
    dispatcher.retryParked(this, w.spec, w.args, w.slot, w.db, w.resp);
  }

  // ---- session state -----------------------------------------------------------------------

  public long id() { return id; }
  public Shard home() { return home; }
  public ServerContext server() { return server; }
  public int db() { return db; }
  public void db(int index) { this.db = index; }
  public int resp() { return resp; }
  public void resp(int version) { this.resp = version; }
  public boolean authenticated() { return authenticated; }

  public void authenticated(boolean ok) {
    this.authenticated = ok;
    parser.authenticated(ok);
  }

  public String name() { return name; }
  public void name(String n) { this.name = n; }
  /** CLIENT SETINFO, REPLY, NO-EVICT, NO-TOUCH. */
  public ClientSettings settings() { return settings; }

  /** RESET: the connection's state as a fresh connection has it (Redis 7.0 keeps NO-EVICT). */
  public void resetSession() {
    if (monitoring) { // RESET ends MONITOR and CLIENT TRACKING, as in Redis
      server.monitors().remove(this);
      monitoring = false;
    }
    if (tracking != null) tracking(null);
    dropSubscriptions(); // silently, as Redis's RESET does
    db = 0;
    resp = 2;
    name = "";
    settings.reset();
    authenticated(server.config().get("requirepass").isEmpty());
    endMulti();
  }
  public String lastCommand() { return lastCommand; }
  void lastCommand(String c) { this.lastCommand = c; }
  public long createdMillis() { return createdMillis; }
  public long lastInteractionMillis() { return lastInteractionMillis; }
  public String address() { return address; }
  public String localAddress() { return localAddress; }
  public int queryBufferLength() { return parser.buffered(); }
  public int pendingReplies() { return pending.size(); }
  public int outputBufferLength() { return out == null ? 0 : out.readableBytes(); }
  public boolean closingAfterReplies() { return closeAfterReplies; }
  public boolean holdingPausedCommand() { return held != null; }

  /** The socket's file descriptor with the native transport, else -1 (as Redis shows for none). */
  public int fd() {
    return socket.channelHandlerContext().channel() instanceof io.netty.channel.unix.UnixChannel u ? u.fd().intValue() : -1;
  }
  ByteBufAllocator alloc() { return alloc; }
  boolean closed() { return closed; }
}
