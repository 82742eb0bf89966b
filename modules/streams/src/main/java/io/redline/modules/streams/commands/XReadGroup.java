package io.redline.modules.streams.commands;

import io.redline.command.BlockingCommand;
import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;

/**
 * XREADGROUP GROUP group consumer [COUNT n] [BLOCK ms] [NOACK] STREAMS key [key ...] id [id ...]:
 * with ">", entries never delivered to the group (they become pending for the consumer unless
 * NOACK); with an ID, the consumer's own pending entries after it. With BLOCK and nothing new
 * the client is parked; if meanwhile its stream or group goes away it gets Redis's error.
 */
public final class XReadGroup implements BlockingCommand {
  @Override
  public void execute(CommandContext ctx) {
    ReadArgs r = ReadArgs.parse(ctx, true);
    if (r == null) return;
    Args a = ctx.args;
    byte[] groupName = a.bytes(r.groupArg);
    byte[] consumerName = a.bytes(r.groupArg + 1);
    if (ctx.readyKey() != null) {
      serveParked(ctx, r, groupName, consumerName);
      return;
    }
    StreamValue[] values = new StreamValue[r.streams];
    ConsumerGroup[] groups = new ConsumerGroup[r.streams];
    StreamId[] ids = new StreamId[r.streams]; // null: ">"
    for (int i = 0; i < r.streams; i++) {
      Entry e = ctx.lookupRead(r.keyArg(i));
      if (e != null && !(e.value() instanceof StreamValue)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      values[i] = e == null ? null : (StreamValue) e.value();
      groups[i] = values[i] == null ? null : values[i].group(groupName);
      if (groups[i] == null) {
        ctx.reply.errorLatin1("NOGROUP No such key '" + a.cString(r.keyArg(i)) + "' or consumer group '"
            + a.cString(r.groupArg) + "' in XREADGROUP with GROUP option");
        return;
      }
      int idArg = r.idArg(i);
      if (isWord(a, idArg, '$')) {
        ctx.error("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of "
            + "this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would "
            + "just return an empty result set.");
        return;
      }
      if (isWord(a, idArg, '>')) continue;
      ids[i] = StreamIds.parseOrReply(ctx, idArg, 0, true);
      if (ids[i] == null) return;
    }
    DeferredArray out = new DeferredArray(ctx.reply);
    for (int i = 0; i < r.streams; i++) {
      StreamValue s = values[i];
      ConsumerGroup g = groups[i];
      boolean history = ids[i] != null;
      boolean serve = history;
      if (!history && s.length() > 0) {
        StreamId max = s.lastValidId();
        serve = max != null && max.compareTo(g.lastId) > 0;
      }
      if (!serve) continue;
      Consumer c = consumer(ctx, g, groupName, consumerName, r.keyArg(i)); // created only once something is served, as in Redis 7.0
      ReadArgs.streamKey(out.items, a, r.keyArg(i));
      byte[] key = a.bytes(r.keyArg(i));
      if (history) GroupReads.history(ctx, out.items, key, groupName, g, s, c, ids[i].next(), r.count, ctx.now);
      else GroupReads.deliverNew(ctx, out.items, key, groupName, s, g, c, g.lastId, r.count, r.noAck, ctx.now);
      ctx.dirty(1);
      out.count++;
    }
    if (out.count > 0) {
      out.writeReadReplyTo(ctx.reply);
      return;
    }
    out.discard();
    if (r.timeout < 0 || !ctx.mayBlock()) {
      ctx.reply.nullArray();
      return;
    }
    ctx.block(BlockingCommand.distinctKeys(a, r.firstKey, r.firstKey + r.streams), r.timeout);
  }

  /** The named consumer, created on first use; either way it was just seen. */
  private static Consumer consumer(CommandContext ctx, ConsumerGroup g, byte[] groupName, byte[] name, int keyArg) {
    boolean[] created = new boolean[1];
    Consumer c = g.consumerOrCreate(name, ctx.now, created);
    if (created[0]) {
      ctx.dirty(1);
      ctx.keyEvent(StreamEvents.XGROUP_CREATECONSUMER, keyArg);
      GroupEffects.consumerCreated(ctx, ctx.args.bytes(keyArg), groupName, name);
    }
    c.seenTime = ctx.now;
    return c;
  }

  /** Serving a parked reader: {@code ready} changed (new entries, or its stream or group went away). */
  private static void serveParked(CommandContext ctx, ReadArgs r, byte[] groupName, byte[] consumerName) {
    int i = r.indexOf(ctx.args, ctx.readyKey());
    Entry e = ctx.lookupRead(r.keyArg(i));
    if (e == null || !(e.value() instanceof StreamValue s)) {
      ctx.error("UNBLOCKED the stream key no longer exists");
      return;
    }
    ConsumerGroup g = s.group(groupName);
    if (g == null) {
      ctx.error("NOGROUP the consumer group this client was blocked on no longer exists");
      return;
    }
    Consumer c = consumer(ctx, g, groupName, consumerName, r.keyArg(i));
    ReadArgs.header(ctx.reply, 1);
    ReadArgs.streamKey(ctx.reply, ctx.args, r.keyArg(i));
    long count = r.count == 0 ? ReadArgs.BLOCKED_DEFAULT_COUNT : r.count;
    GroupReads.deliverNew(ctx, ctx.reply, ctx.args.bytes(r.keyArg(i)), groupName, s, g, c, g.lastId, count, r.noAck, ctx.now);
    ctx.dirty(1);
  }

  private static boolean isWord(Args a, int i, char c) {
    return a.length(i) == 1 && a.buffer()[a.offset(i)] == c;
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof StreamValue; }

  @Override
  public boolean readyFor(Args args, byte[] key, Object value) {
    // A stream or group gone is "ready" too: the parked reader must get its error.
    if (!(value instanceof StreamValue s)) return true;
    ReadArgs r = ReadArgs.parsed(args);
    ConsumerGroup g = s.group(args.bytes(r.groupArg));
    return g == null || s.lastId().compareTo(g.lastId) > 0;
  }

  @Override
  public boolean readinessPerWaiter() { return true; }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); }
}
