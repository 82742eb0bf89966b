package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;

/** SETRANGE key offset value: overwrites from offset, zero-padding a gap; the new length. */
public final class SetRange implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long offset;
    try {
      offset = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
    } catch (NumberFormatException ex) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    if (offset < 0) {
      ctx.error("ERR offset is out of range");
      return;
    }
    int len = a.length(3);
    Entry e = ctx.lookupWrite(1);
    StringBuilderValue sb;
    if (e == null) {
      // Writing nothing creates nothing, whatever the offset.
      if (len == 0) {
        ctx.reply.integer(0);
        return;
      }
      if (StringWrites.tooLong(ctx, offset, len)) return;
      sb = new StringBuilderValue(new byte[0], (int) offset + len);
      e = StringWrites.store(ctx, ctx.db(), null, 1, sb, false);
    } else {
      if (!StringValue.isString(e.value())) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      if (len == 0) {
        ctx.reply.integer(StringValue.length(e.value()));
        return;
      }
      if (StringWrites.tooLong(ctx, offset, len)) return;
      sb = StringWrites.growable(e, 0);
      e.touch(ctx.server.lruClock());
    }
    sb.write((int) offset, a.buffer(), a.offset(3), len);
    ctx.keyEvent(KeyEvent.SETRANGE, e.key());
    ctx.dirty(1);
    ctx.reply.integer(sb.length());
  }
}
