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
import java.util.Map;
import java.util.NavigableMap;

/**
 * XPENDING key group — summary: [count, first ID, last ID, [[consumer, count as bulk], ...]] —
 * and XPENDING key group [IDLE ms] start end count [consumer] — [[id, consumer, idle ms,
 * deliveries], ...], oldest first.
 */
public final class XPending implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    int argc = a.size();
    if (argc != 3 && (argc < 6 || argc > 9)) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long minIdle = 0, count = 0;
    StreamId start = null, end = null;
    int consumerArg = -1;
    if (argc >= 6) {
      int at = 3;
      if (a.is(3, "IDLE")) {
        Long v = TrimArgs.integer(ctx, 4);
        if (v == null) return;
        minIdle = v;
        if (argc < 8) {
          ctx.error(Errors.SYNTAX);
          return;
        }
        at += 2;
      }
      Long c = TrimArgs.integer(ctx, at + 2);
      if (c == null) return;
      count = Math.max(c, 0);
      start = StreamIds.bound(ctx, at, true);
      if (start == null) return;
      end = StreamIds.bound(ctx, at + 1, false);
      if (end == null) return;
      if (at + 3 < argc) consumerArg = at + 3; // anything after it is ignored, as in Redis
    }
    ConsumerGroup g = Claims.group(ctx, new StreamValue[1]);
    if (g == null) return;
    if (argc == 3) {
      summary(ctx, g);
      return;
    }
    NavigableMap<StreamId, PendingEntry> pel = g.pending;
    if (consumerArg >= 0) {
      Consumer c = g.consumer(a.bytes(consumerArg));
      if (c == null) {
        ctx.reply.emptyArray();
        return;
      }
      pel = c.pending;
    }
    DeferredArray out = new DeferredArray(ctx.reply);
    if (start.compareTo(end) <= 0) {
      for (Map.Entry<StreamId, PendingEntry> p : pel.subMap(start, true, end, true).entrySet()) {
        if (out.count >= count) break;
        PendingEntry pe = p.getValue();
        long idle = ctx.now - pe.deliveryTime;
        if (minIdle != 0 && idle < minIdle) continue;
        out.items.array(4);
        out.items.bulk(p.getKey().bytes());
        out.items.bulk(pe.consumer.name);
        out.items.integer(Math.max(idle, 0));
        out.items.integer(pe.deliveryCount);
        out.count++;
      }
    }
    out.writeTo(ctx.reply);
  }

  private static void summary(CommandContext ctx, ConsumerGroup g) {
    ctx.reply.array(4);
    ctx.reply.integer(g.pending.size());
    if (g.pending.isEmpty()) {
      ctx.reply.nullBulk();
      ctx.reply.nullBulk();
      ctx.reply.nullArray();
      return;
    }
    ctx.reply.bulk(g.pending.firstKey().bytes());
    ctx.reply.bulk(g.pending.lastKey().bytes());
    int withPending = 0;
    for (Consumer c : g.consumers.values()) if (!c.pending.isEmpty()) withPending++;
    ctx.reply.array(withPending);
    for (Consumer c : g.consumers.values()) {
      if (c.pending.isEmpty()) continue;
      ctx.reply.array(2);
      ctx.reply.bulk(c.name);
      ctx.reply.bulk(c.pending.size());
    }
  }
}
