package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamCursor;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import java.util.Map;

/**
 * XINFO STREAM key [FULL [COUNT n]]: the stream's bookkeeping (length, radix tree shape, last,
 * max deleted and first IDs, entries added) with its first and last entries and group count; or,
 * with FULL, its first COUNT (default 10, 0 = all) entries and every group's PEL and consumers.
 */
public final class XInfoStream implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    StreamValue s = XInfo.stream(ctx);
    if (s == null) return;
    boolean full = a.size() > 3;
    long count = 10;
    if (full) {
      if (!a.is(3, "FULL")) {
        GroupTarget.subcommandSyntaxError(ctx);
        return;
      }
      if (a.size() > 4) {
        if (a.size() != 6 || !a.is(4, "COUNT")) {
          GroupTarget.subcommandSyntaxError(ctx);
          return;
        }
        Long v = TrimArgs.integer(ctx, 5);
        if (v == null) return;
        count = v < 0 ? 10 : v;
      }
    }
    ctx.reply.map(full ? 9 : 10);
    ctx.reply.bulk("length");
    ctx.reply.integer(s.length());
    ctx.reply.bulk("radix-tree-keys");
    ctx.reply.integer(s.radixTreeKeys());
    ctx.reply.bulk("radix-tree-nodes");
    ctx.reply.integer(s.radixTreeNodes());
    ctx.reply.bulk("last-generated-id");
    ctx.reply.bulk(s.lastId().bytes());
    ctx.reply.bulk("max-deleted-entry-id");
    ctx.reply.bulk(s.maxDeletedId().bytes());
    ctx.reply.bulk("entries-added");
    ctx.reply.integer(s.entriesAdded());
    ctx.reply.bulk("recorded-first-entry-id");
    ctx.reply.bulk(s.firstId().bytes());
    if (!full) {
      ctx.reply.bulk("groups");
      ctx.reply.integer(s.groupCount());
      ctx.reply.bulk("first-entry");
      edge(ctx, s, false);
      ctx.reply.bulk("last-entry");
      edge(ctx, s, true);
      return;
    }
    ctx.reply.bulk("entries");
    XRange.writeRange(ctx.reply, s, StreamId.MIN, StreamId.MAX, count, false);
    ctx.reply.bulk("groups");
    ctx.reply.array(s.groupCount());
    for (Map.Entry<byte[], ConsumerGroup> e : s.groups()) group(ctx, s, e.getKey(), e.getValue(), count);
  }

  private static void edge(CommandContext ctx, StreamValue s, boolean last) {
    StreamCursor c = s.cursor(StreamId.MIN, StreamId.MAX, last);
    if (c.next()) c.entry().write(ctx.reply);
    else ctx.reply.nullBulk();
  }

  private static void group(CommandContext ctx, StreamValue s, byte[] name, ConsumerGroup g, long count) {
    ctx.reply.map(7);
    ctx.reply.bulk("name");
    ctx.reply.bulk(name);
    ctx.reply.bulk("last-delivered-id");
    ctx.reply.bulk(g.lastId.bytes());
    ctx.reply.bulk("entries-read");
    XInfo.writeCounter(ctx, g.entriesRead);
    ctx.reply.bulk("lag");
    XInfo.writeCounter(ctx, s.lag(g));
    ctx.reply.bulk("pel-count");
    ctx.reply.integer(g.pending.size());
    ctx.reply.bulk("pending");
    int n = (int) (count == 0 ? g.pending.size() : Math.min(count, g.pending.size()));
    ctx.reply.array(n);
    int k = 0;
    for (Map.Entry<StreamId, PendingEntry> p : g.pending.entrySet()) {
      if (k++ == n) break;
      ctx.reply.array(4);
      ctx.reply.bulk(p.getKey().bytes());
      ctx.reply.bulk(p.getValue().consumer.name);
      ctx.reply.integer(p.getValue().deliveryTime);
      ctx.reply.integer(p.getValue().deliveryCount);
    }
    ctx.reply.bulk("consumers");
    ctx.reply.array(g.consumers.size());
    for (Consumer c : g.consumers.values()) {
      ctx.reply.map(4);
      ctx.reply.bulk("name");
      ctx.reply.bulk(c.name);
      ctx.reply.bulk("seen-time");
      ctx.reply.integer(c.seenTime);
      ctx.reply.bulk("pel-count");
      ctx.reply.integer(c.pending.size());
      ctx.reply.bulk("pending");
      int m = (int) (count == 0 ? c.pending.size() : Math.min(count, c.pending.size()));
      ctx.reply.array(m);
      int j = 0;
      for (Map.Entry<StreamId, PendingEntry> p : c.pending.entrySet()) {
        if (j++ == m) break;
        ctx.reply.array(3);
        ctx.reply.bulk(p.getKey().bytes());
        ctx.reply.integer(p.getValue().deliveryTime);
        ctx.reply.integer(p.getValue().deliveryCount);
      }
    }
  }
}
