package io.redline.command.connection;

import io.redline.server.ClientConnection;

/**
 * One client as CLIENT LIST / CLIENT INFO print it, in Redis 7.2's field order (7.0's plus
 * lib-name and lib-ver). Fields Redis derives from its own allocator and buffers (qbuf-free,
 * argv-mem, multi-mem, rbs, rbp, tot-mem) have no counterpart here and print 0; clients read
 * these lines as key=value pairs, so keeping every key keeps their parsers happy.
 */
public final class ClientLine {
  private ClientLine() {}

  /** The CLIENT LIST line, newline included. */
  static String of(ClientConnection c, long now) { return fields(c, now) + '\n'; }

  /** The line's fields without the newline (Redis's catClientInfoString: also used in log lines). */
  public static String fields(ClientConnection c, long now) {
    StringBuilder b = new StringBuilder(256);
    b.append("id=").append(c.id());
    b.append(" addr=").append(c.address());
    b.append(" laddr=").append(c.localAddress());
    b.append(" fd=").append(c.fd());
    b.append(" name=").append(c.name());
    b.append(" age=").append((now - c.createdMillis()) / 1000);
    b.append(" idle=").append(Math.max(0, now - c.lastInteractionMillis()) / 1000);
    b.append(" flags=").append(flags(c));
    b.append(" db=").append(c.db());
    b.append(" sub=").append(c.channelSubscriptions());
    b.append(" psub=").append(c.patternSubscriptions());
    b.append(" ssub=").append(c.shardChannelSubscriptions());
    b.append(" multi=").append(c.multiQueued());
    b.append(" qbuf=").append(c.queryBufferLength());
    b.append(" qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0");
    // obl: bytes not yet handed to the socket; oll: replies held in order plus buffers queued in
    // Netty; omem: all output owed (what client-output-buffer-limit measures).
    int obl = c.outputBufferLength();
    b.append(" obl=").append(obl);
    b.append(" oll=").append(c.pendingReplies() + c.outboundBuffers());
    b.append(" omem=").append(c.outputMemory());
    b.append(" tot-mem=0");
    b.append(" events=").append(obl > 0 || c.pendingReplies() > 0 ? "rw" : "r");
    b.append(" cmd=").append(c.lastCommand());
    io.redline.server.Tracking t = c.tracking();
    b.append(" user=default redir=").append(t == null ? -1 : t.redirect());
    b.append(" resp=").append(c.resp());
    b.append(" lib-name=").append(c.settings().libName());
    b.append(" lib-ver=").append(c.settings().libVersion());
    return b.toString();
  }

  /** Redis's flag letters for the states Redline has; "N" when none applies. */
  private static String flags(ClientConnection c) {
    StringBuilder f = new StringBuilder();
    if (c.monitoring()) f.append('O');
    if (c.subscribed()) f.append('P');
    if (c.inMulti()) f.append('x');
    if (c.isBlocked() || c.holdingPausedCommand()) f.append('b'); // Redis shows paused clients as blocked too
    io.redline.server.Tracking t = c.tracking();
    if (t != null) {
      f.append('t');
      if (t.redirectBroken()) f.append('R');
      if (t.bcast()) f.append('B');
    }
    if (c.closingAfterReplies()) f.append('c');
    if (c.settings().noEvict()) f.append('e');
    if (c.settings().noTouch()) f.append('T');
    return f.length() == 0 ? "N" : f.toString();
  }
}
