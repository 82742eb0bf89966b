package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamValue;
import io.redline.store.Entry;

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]: replies how many entries were removed. */
public final class XTrim implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    TrimArgs t = TrimArgs.parse(ctx, false);
    if (t == null) return;
    Entry e = Streams.lookupWrite(ctx, 1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!(e.value() instanceof StreamValue s)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    long removed = t.trim(s);
    if (removed > 0) {
      ctx.dirty(removed);
      ctx.keyEvent(StreamEvents.XTRIM, e.key());
      if (t.approx) ctx.propagateAs(exact(ctx, t, s)); // replay must trim exactly as far, as Redis rewrites it
    }
    ctx.reply.integer(removed);
  }

  /** XTRIM key MAXLEN|MINID = (what "~" came to): the length now, or the first ID now. */
  private static byte[][] exact(CommandContext ctx, TrimArgs t, StreamValue s) {
    byte[] threshold;
    if (t.byMaxlen) {
      threshold = Long.toString(s.length()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    } else {
      io.redline.modules.streams.store.StreamId first = s.length() > 0 ? s.firstId() : t.minId;
      threshold = io.redline.modules.streams.store.StreamId.bytes(first.ms(), first.seq());
    }
    byte[] ascii = (t.byMaxlen ? "MAXLEN" : "MINID").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return new byte[][] {ctx.args.bytes(0), ctx.args.bytes(1), ascii, {'='}, threshold};
  }
}
