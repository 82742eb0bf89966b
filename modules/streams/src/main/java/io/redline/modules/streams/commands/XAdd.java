package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;

/**
 * XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|ms|ms-seq|ms-* field value
 * [field value ...]: appends an entry, then trims. Replies the new ID (null with NOMKSTREAM and no key).
 */
public final class XAdd implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    TrimArgs t = TrimArgs.parse(ctx, true);
    if (t == null) return;
    int from = t.idIndex + 1;
    int rest = a.size() - from;
    if (rest < 2 || rest % 2 == 1) {
      ctx.error("ERR wrong number of arguments for 'xadd' command");
      return;
    }
    if (t.id != null && t.seqGiven && t.id.isZero()) {
      ctx.error("ERR The ID specified in XADD must be greater than 0-0");
      return;
    }
    Entry e = Streams.lookupWrite(ctx, 1);
    StreamValue s;
    if (e == null) {
      if (t.noMkStream) {
        ctx.reply.nullBulk();
        return;
      }
      s = new StreamValue();
      e = ctx.db().add(a.bytes(1), s);
      e.touch(ctx.server.lruClock());
      ctx.keyEvent(KeyEvent.NEW, e.key());
    } else if (e.value() instanceof StreamValue v) {
      s = v;
    } else {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    StreamId last = s.lastId();
    if (last.isMax()) {
      ctx.error("ERR The stream has exhausted the last possible ID, unable to add more items");
      return;
    }
    StreamId id = nextId(t, last, ctx.now);
    if (id == null || id.compareTo(last) <= 0) {
      ctx.error("ERR The ID specified in XADD is equal or smaller than the target stream top item");
      return;
    }
    long elementBytes = 0;
    for (int i = from; i < a.size(); i++) elementBytes += a.length(i);
    if (elementBytes > StreamValue.LISTPACK_MAX_SIZE) {
      ctx.error("ERR Elements are too large to be stored");
      return;
    }
    s.append(id, a, from, rest / 2, elementBytes, Streams.nodeMaxBytes(ctx), Streams.nodeMaxEntries(ctx));
    ctx.reply.bulk(StreamId.bytes(id.ms(), id.seq()));
    ctx.dirty(1);
    ctx.keyEvent(StreamEvents.XADD, e.key());
    if (t.trims() && t.trim(s) > 0) ctx.keyEvent(StreamEvents.XTRIM, e.key());
    ctx.propagateAs(effect(a, t, s, id, from));
  }

  /**
   * What the AOF (and later replicas) must replay to get the same stream, as Redis 7.0 rewrites
   * XADD: the ID it chose instead of "*" or "ms-*", and an approximate trim as the exact one it
   * came to (MAXLEN = the length now, MINID = the first ID now), without LIMIT.
   */
  static byte[][] effect(Args a, TrimArgs t, StreamValue s, StreamId id, int fieldsFrom) {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    out.add(a.bytes(0));
    out.add(a.bytes(1));
    if (t.noMkStream) out.add(bytes("NOMKSTREAM"));
    if (t.trims()) {
      out.add(bytes(t.byMaxlen ? "MAXLEN" : "MINID"));
      out.add(bytes("="));
      if (t.byMaxlen) out.add(bytes(Long.toString(t.approx ? s.length() : t.maxlen)));
      else {
        StreamId threshold = t.approx && s.length() > 0 ? s.firstId() : t.minId;
        out.add(StreamId.bytes(threshold.ms(), threshold.seq()));
      }
    }
    out.add(StreamId.bytes(id.ms(), id.seq()));
    for (int i = fieldsFrom; i < a.size(); i++) out.add(a.bytes(i));
    return out.toArray(new byte[0][]);
  }

  private static byte[] bytes(String s) { return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII); }

  /** The ID to add: explicit, "ms-*" (next sequence within ms), or "*" (the clock, never backwards). */
  private static StreamId nextId(TrimArgs t, StreamId last, long now) {
    if (t.id != null) {
      if (t.seqGiven) return t.id;
      if (last.ms() != t.id.ms()) return t.id;
      return last.seq() == -1L ? null : new StreamId(last.ms(), last.seq() + 1);
    }
    if (Long.compareUnsigned(now, last.ms()) > 0) return new StreamId(now, 0);
    return last.next();
  }
}
