package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;

/**
 * XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME ms-unix] [RETRYCOUNT n]
 * [FORCE] [JUSTID] [LASTID id]: takes pending entries idle at least min-idle-time for
 * {@code consumer}. Entries deleted from the stream are dropped from the PEL instead; FORCE
 * makes entries that were not pending pending. Replies the claimed entries (or IDs).
 */
public final class XClaim implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    StreamValue[] sv = new StreamValue[1];
    ConsumerGroup g = Claims.group(ctx, sv);
    if (g == null) return;
    StreamValue s = sv[0];
    Long minIdleArg = Claims.integer(ctx, 4, "ERR Invalid min-idle-time argument for XCLAIM");
    if (minIdleArg == null) return;
    long minIdle = Math.max(minIdleArg, 0);
    int j = 5;
    while (j < a.size() && StreamIds.parse(a, j, 0, true, null) != null) j++;
    int lastIdArg = j - 1;
    long now = ctx.now;
    long deliveryTime = -1, retryCount = -1;
    boolean force = false, justId = false;
    for (; j < a.size(); j++) {
      boolean more = j < a.size() - 1;
      if (a.is(j, "FORCE")) {
        force = true;
      } else if (a.is(j, "JUSTID")) {
        justId = true;
      } else if (a.is(j, "IDLE") && more) {
        Long v = Claims.integer(ctx, ++j, "ERR Invalid IDLE option argument for XCLAIM");
        if (v == null) return;
        deliveryTime = now - v;
      } else if (a.is(j, "TIME") && more) {
        Long v = Claims.integer(ctx, ++j, "ERR Invalid TIME option argument for XCLAIM");
        if (v == null) return;
        deliveryTime = v;
      } else if (a.is(j, "RETRYCOUNT") && more) {
        Long v = Claims.integer(ctx, ++j, "ERR Invalid RETRYCOUNT option argument for XCLAIM");
        if (v == null) return;
        retryCount = v;
      } else if (a.is(j, "LASTID") && more) {
        StreamId id = StreamIds.parseOrReply(ctx, ++j, 0, true);
        if (id == null) return;
        if (id.compareTo(g.lastId) > 0) {
          g.lastId = id; // applied at once, as Redis does, even if a later option is refused
          ctx.dirty(1);
        }
      } else {
        ctx.reply.errorLatin1("ERR Unrecognized XCLAIM option '" + a.cString(j) + "'");
        return;
      }
    }
    // A bogus time (negative, in the future) is taken as now rather than refused.
    if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
    Consumer consumer = null;
    byte[] name = a.bytes(3);
    DeferredArray out = new DeferredArray(ctx.reply);
    for (int k = 5; k <= lastIdArg; k++) {
      StreamId id = StreamIds.parse(a, k, 0, true, null);
      PendingEntry p = g.pending.get(id);
      if (!s.exists(id)) {
        if (p != null) { // deleted from the stream: it can only be dropped from the PEL
          g.ack(id);
          ctx.dirty(1);
          GroupEffects.acked(ctx, a.bytes(1), a.bytes(2), id);
        }
        continue;
      }
      if (force && p == null) {
        p = new PendingEntry(null, now);
        g.pending.put(id, p);
      }
      if (p == null) continue;
      if (p.consumer != null && minIdle != 0 && now - p.deliveryTime < minIdle) continue;
      if (consumer == null) consumer = Claims.claimer(ctx, g, name);
      p.deliveryTime = deliveryTime;
      if (retryCount >= 0) p.deliveryCount = retryCount;
      else if (!justId) p.deliveryCount++;
      Claims.moveTo(p, id, consumer);
      Claims.writeClaimed(out.items, s, id, justId);
      out.count++;
      ctx.dirty(1);
      GroupEffects.delivered(ctx, a.bytes(1), a.bytes(2), name, id, p, g);
    }
    // Logged as its effects, never as itself: replayed later, its min-idle-time would claim more.
    if (ctx.dirtyCount() > 0) GroupEffects.groupAdvanced(ctx, a.bytes(1), a.bytes(2), g);
    out.writeTo(ctx.reply);
  }
}
