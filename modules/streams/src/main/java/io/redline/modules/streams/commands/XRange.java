package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamCursor;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;

/**
 * XRANGE key start end [COUNT n] and XREVRANGE key end start [COUNT n]: entries between two IDs,
 * "(" making a bound exclusive. COUNT 0 (or negative) answers a null array, as Redis 7.0 does.
 */
public final class XRange implements CommandHandler {
  private final boolean reverse;

  private XRange(boolean reverse) { this.reverse = reverse; }

  public static XRange forward() { return new XRange(false); }
  public static XRange reverse() { return new XRange(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    StreamId start = StreamIds.bound(ctx, reverse ? 3 : 2, true);
    if (start == null) return;
    StreamId end = StreamIds.bound(ctx, reverse ? 2 : 3, false);
    if (end == null) return;
    long count = -1;
    for (int j = 4; j < a.size(); j++) {
      if (a.is(j, "COUNT") && j + 1 < a.size()) {
        Long v = TrimArgs.integer(ctx, ++j);
        if (v == null) return;
        count = Math.max(v, 0);
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.emptyArray();
      return;
    }
    if (!(e.value() instanceof StreamValue s)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    if (count == 0) {
      ctx.reply.nullArray();
      return;
    }
    writeRange(ctx.reply, s, start, end, count < 0 ? 0 : count, reverse);
  }

  /** The entries from start to end (count 0: all) as an array. */
  static void writeRange(ReplyWriter reply, StreamValue s, StreamId start, StreamId end, long count, boolean reverse) {
    StreamCursor c = s.cursor(start, end, reverse);
    DeferredArray out = new DeferredArray(reply);
    while ((count == 0 || out.count < count) && c.next()) {
      c.entry().write(out.items);
      out.count++;
    }
    out.writeTo(reply);
  }
}
