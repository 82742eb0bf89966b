package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamCursor;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.util.RedisNumbers;

/** What XCLAIM and XAUTOCLAIM share: finding the group, and moving a pending entry to a consumer. */
final class Claims {
  private Claims() {}

  /**
   * The group named by argument 2 of the stream at argument 1 (XCLAIM, XAUTOCLAIM, XPENDING); null
   * after WRONGTYPE or NOGROUP.
   */
  static ConsumerGroup group(CommandContext ctx, StreamValue[] stream) {
    Args a = ctx.args;
    Entry e = ctx.lookupRead(1);
    if (e != null && !(e.value() instanceof StreamValue)) {
      ctx.error(Errors.WRONGTYPE);
      return null;
    }
    ConsumerGroup g = e == null ? null : ((StreamValue) e.value()).group(a.bytes(2));
    if (g == null) {
      ctx.reply.errorLatin1("NOGROUP No such key '" + a.cString(1) + "' or consumer group '" + a.cString(2) + "'");
      return null;
    }
    stream[0] = (StreamValue) e.value();
    return g;
  }

  /** An integer argument, or null after {@code message} as the error (getLongLongFromObjectOrReply with a message). */
  static Long integer(CommandContext ctx, int i, String message) {
    Args a = ctx.args;
    if (!RedisNumbers.isLong(a.buffer(), a.offset(i), a.length(i))) {
      ctx.error(message);
      return null;
    }
    return RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i));
  }

  /** The claiming consumer, looked up (and seen now) or created on its first claim. */
  static Consumer claimer(CommandContext ctx, ConsumerGroup g, byte[] name) {
    boolean[] created = new boolean[1];
    Consumer c = g.consumerOrCreate(name, ctx.now, created);
    if (created[0]) ctx.keyEvent(StreamEvents.XGROUP_CREATECONSUMER, 1);
    c.seenTime = ctx.now;
    return c;
  }

  /** Moves a pending entry to {@code to} (a FORCE-made one may have no owner yet). */
  static void moveTo(PendingEntry p, StreamId id, Consumer to) {
    if (p.consumer == to) return;
    if (p.consumer != null) p.consumer.pending.remove(id);
    to.pending.put(id, p);
    p.consumer = to;
  }

  /** One claimed entry in the reply: its ID (JUSTID) or the whole entry (null if gone). */
  static void writeClaimed(ReplyWriter out, StreamValue s, StreamId id, boolean justId) {
    if (justId) {
      out.bulk(id.bytes());
      return;
    }
    StreamCursor c = s.cursor(id, id, false);
    if (c.next()) c.entry().write(out);
    else out.nullBulk();
  }
}
