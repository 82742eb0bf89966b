package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.StreamValue;
import io.redline.store.Entry;
import java.util.Map;

/**
 * XINFO GROUPS key — per group: name, consumers, pending, last-delivered-id, entries-read, lag —
 * and XINFO CONSUMERS key group — per consumer: name, pending, idle. (XINFO STREAM is
 * {@link XInfoStream}.)
 */
public final class XInfo implements CommandHandler {
  private final boolean groups;

  private XInfo(boolean groups) { this.groups = groups; }

  public static XInfo groups() { return new XInfo(true); }
  public static XInfo consumers() { return new XInfo(false); }

  /** The stream XINFO names, or null after "no such key" / WRONGTYPE. */
  static StreamValue stream(CommandContext ctx) {
    Entry e = ctx.lookupRead(2);
    if (e == null) {
      ctx.error(Streams.NO_SUCH_KEY);
      return null;
    }
    if (!(e.value() instanceof StreamValue s)) {
      ctx.error(Errors.WRONGTYPE);
      return null;
    }
    return s;
  }

  @Override
  public void execute(CommandContext ctx) {
    StreamValue s = stream(ctx);
    if (s == null) return;
    if (groups) {
      ctx.reply.array(s.groupCount());
      for (Map.Entry<byte[], ConsumerGroup> e : s.groups()) {
        ConsumerGroup g = e.getValue();
        ctx.reply.map(6);
        ctx.reply.bulk("name");
        ctx.reply.bulk(e.getKey());
        ctx.reply.bulk("consumers");
        ctx.reply.integer(g.consumers.size());
        ctx.reply.bulk("pending");
        ctx.reply.integer(g.pending.size());
        ctx.reply.bulk("last-delivered-id");
        ctx.reply.bulk(g.lastId.bytes());
        ctx.reply.bulk("entries-read");
        writeCounter(ctx, g.entriesRead);
        ctx.reply.bulk("lag");
        writeCounter(ctx, s.lag(g));
      }
      return;
    }
    ConsumerGroup g = s.group(ctx.args.bytes(3));
    if (g == null) {
      ctx.reply.errorLatin1("NOGROUP No such consumer group '" + ctx.args.cString(3) + "' for key name '"
          + ctx.args.cString(2) + "'");
      return;
    }
    long now = System.currentTimeMillis(); // Redis reads the clock here, not the command's cached time
    ctx.reply.array(g.consumers.size());
    for (Consumer c : g.consumers.values()) {
      ctx.reply.map(3);
      ctx.reply.bulk("name");
      ctx.reply.bulk(c.name);
      ctx.reply.bulk("pending");
      ctx.reply.integer(c.pending.size());
      ctx.reply.bulk("idle");
      ctx.reply.integer(Math.max(now - c.seenTime, 0));
    }
  }

  /** A read counter or lag: an integer, or null when unknown (-1). */
  static void writeCounter(CommandContext ctx, long v) {
    if (v == ConsumerGroup.UNKNOWN_ENTRIES_READ) ctx.reply.nullBulk();
    else ctx.reply.integer(v);
  }
}
