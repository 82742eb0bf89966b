package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * XAUTOCLAIM key group consumer min-idle-time start [COUNT n] [JUSTID]: walks the group's PEL
 * from {@code start}, claiming up to COUNT (default 100) entries idle long enough, looking at no
 * more than 10×COUNT. Replies [next start ID (0-0 when the PEL was walked to its end), claimed
 * entries, IDs that were pending but deleted from the stream (dropped from the PEL)].
 */
public final class XAutoClaim implements CommandHandler {
  private static final long ATTEMPTS_FACTOR = 10;
  private static final long TRANSIENT_LIMIT = (1L << 47) / 16;

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Long minIdleArg = Claims.integer(ctx, 4, "ERR Invalid min-idle-time argument for XAUTOCLAIM");
    if (minIdleArg == null) return;
    long minIdle = Math.max(minIdleArg, 0);
    StreamId start = StreamIds.bound(ctx, 5, true);
    if (start == null) return;
    long count = 100;
    boolean justId = false;
    for (int j = 6; j < a.size(); j++) {
      if (a.is(j, "COUNT") && j < a.size() - 1) {
        Long v = Claims.integer(ctx, ++j, "ERR COUNT must be > 0");
        if (v == null) return;
        if (v < 1 || v > Long.MAX_VALUE / 16) { // Redis: 1..LONG_MAX / max(sizeof(streamID), 10)
          ctx.error("ERR COUNT must be > 0");
          return;
        }
        count = v;
      } else if (a.is(j, "JUSTID")) {
        justId = true;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    StreamValue[] sv = new StreamValue[1];
    ConsumerGroup g = Claims.group(ctx, sv);
    if (g == null) return;
    StreamValue s = sv[0];
    if (count > TRANSIENT_LIMIT) {
      // Redis first allocates COUNT stream IDs for the deleted-ID list; past what any address space
      // holds (2^47 bytes here) that fails, and Redis says so rather than claim.
      ctx.error("ERR Insufficient memory, failed allocating transient memory, COUNT too high.");
      return;
    }
    long attempts = count * ATTEMPTS_FACTOR;
    long now = ctx.now;
    byte[] name = a.bytes(3);
    Consumer consumer = null;
    List<StreamId> deleted = new ArrayList<>();
    DeferredArray out = new DeferredArray(ctx.reply);
    Iterator<Map.Entry<StreamId, PendingEntry>> it = g.pending.tailMap(start, true).entrySet().iterator();
    while (attempts-- > 0 && count > 0 && it.hasNext()) {
      Map.Entry<StreamId, PendingEntry> pe = it.next();
      StreamId id = pe.getKey();
      PendingEntry p = pe.getValue();
      if (!s.exists(id)) {
        it.remove();
        p.consumer.pending.remove(id);
        deleted.add(id);
        count--;
        ctx.dirty(1);
        GroupEffects.acked(ctx, a.bytes(1), a.bytes(2), id);
        continue;
      }
      if (minIdle != 0 && now - p.deliveryTime < minIdle) continue;
      if (consumer == null) consumer = Claims.claimer(ctx, g, name);
      p.deliveryTime = now;
      if (!justId) p.deliveryCount++;
      Claims.moveTo(p, id, consumer);
      Claims.writeClaimed(out.items, s, id, justId);
      out.count++;
      count--;
      ctx.dirty(1);
      GroupEffects.delivered(ctx, a.bytes(1), a.bytes(2), name, id, p, g); // logged as XCLAIMs, as Redis
    }
    StreamId next = it.hasNext() ? it.next().getKey() : StreamId.MIN;
    ctx.reply.array(3);
    ctx.reply.bulk(next.bytes());
    out.writeTo(ctx.reply);
    ctx.reply.array(deleted.size());
    for (StreamId id : deleted) ctx.reply.bulk(id.bytes());
  }
}
