package io.redline.modules.streams.commands;

import io.redline.command.BlockingCommand;
import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;

/**
 * XREAD [COUNT n] [BLOCK ms] STREAMS key [key ...] id [id ...]: entries after each ID ("$": after
 * the stream's last ID). With BLOCK and nothing to read, the client is parked — with each "$"
 * replaced by the last ID at that moment — and served by the first XADD that passes its ID,
 * with that one stream. A null array when nothing came (RESP3: null).
 */
public final class XRead implements BlockingCommand {
  @Override
  public void execute(CommandContext ctx) {
    ReadArgs r = ReadArgs.parse(ctx, false);
    if (r == null) return;
    Args a = ctx.args;
    byte[] ready = ctx.readyKey();
    if (ready != null) {
      serveParked(ctx, r, ready);
      return;
    }
    StreamId[] ids = new StreamId[r.streams];
    StreamValue[] values = new StreamValue[r.streams];
    for (int i = 0; i < r.streams; i++) {
      Entry e = ctx.lookupRead(r.keyArg(i));
      if (e != null && !(e.value() instanceof StreamValue)) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      values[i] = e == null ? null : (StreamValue) e.value();
      int idArg = r.idArg(i);
      if (a.length(idArg) == 1 && a.buffer()[a.offset(idArg)] == '$') {
        ids[i] = values[i] == null ? StreamId.MIN : values[i].lastId();
        continue;
      }
      if (a.length(idArg) == 1 && a.buffer()[a.offset(idArg)] == '>') {
        ctx.error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
        return;
      }
      ids[i] = StreamIds.parseOrReply(ctx, idArg, 0, true);
      if (ids[i] == null) return;
    }
    int served = 0;
    boolean[] serve = new boolean[r.streams];
    for (int i = 0; i < r.streams; i++) {
      StreamValue s = values[i];
      if (s == null || s.length() == 0) continue;
      StreamId max = s.lastValidId();
      if (max != null && max.compareTo(ids[i]) > 0) {
        serve[i] = true;
        served++;
      }
    }
    if (served > 0) {
      ReadArgs.header(ctx.reply, served);
      for (int i = 0; i < r.streams; i++) {
        if (!serve[i]) continue;
        ReadArgs.streamKey(ctx.reply, a, r.keyArg(i));
        XRange.writeRange(ctx.reply, values[i], ids[i].next(), StreamId.MAX, r.count, false);
      }
      return;
    }
    if (r.timeout < 0 || !ctx.mayBlock()) {
      ctx.reply.nullArray();
      return;
    }
    ctx.block(BlockingCommand.distinctKeys(a, r.firstKey, r.firstKey + r.streams), r.timeout, withIds(a, r, ids));
  }

  /** The arguments with each stream's ID spelled out, so "$" keeps meaning "after the last ID when it blocked". */
  private static Args withIds(Args a, ReadArgs r, StreamId[] ids) {
    byte[][] parts = new byte[a.size()][];
    for (int i = 0; i < a.size(); i++) parts[i] = a.bytes(i);
    for (int i = 0; i < r.streams; i++) parts[r.idArg(i)] = ids[i].bytes();
    return Args.of(parts);
  }

  /** Serving a parked reader: only {@code key} is ready (and only its shard is held). */
  private static void serveParked(CommandContext ctx, ReadArgs r, byte[] key) {
    int i = r.indexOf(ctx.args, key);
    Entry e = ctx.lookupRead(r.keyArg(i));
    StreamValue s = (StreamValue) e.value(); // readyFor checked it
    StreamId after = StreamIds.parse(ctx.args, r.idArg(i), 0, true, null);
    ReadArgs.header(ctx.reply, 1);
    ReadArgs.streamKey(ctx.reply, ctx.args, r.keyArg(i));
    XRange.writeRange(ctx.reply, s, after.next(), StreamId.MAX, r.count == 0 ? ReadArgs.BLOCKED_DEFAULT_COUNT : r.count, false);
  }

  @Override
  public boolean readyFor(Object value) { return value instanceof StreamValue; }

  @Override
  public boolean readyFor(Args args, byte[] key, Object value) {
    if (!(value instanceof StreamValue s)) return false;
    ReadArgs r = ReadArgs.parsed(args);
    int i = r.indexOf(args, key);
    StreamId after = StreamIds.parse(args, r.idArg(i), 0, true, null);
    // Redis compares with the last ID ever added, so an XADD trimmed away at once still wakes it (with nothing).
    return s.lastId().compareTo(after) > 0;
  }

  @Override
  public boolean readinessPerWaiter() { return true; }

  @Override
  public void timeoutReply(ReplyWriter reply) { reply.nullArray(); }
}
