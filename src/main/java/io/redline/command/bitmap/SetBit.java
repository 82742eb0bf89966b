package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.StringBuilderValue;
import io.redline.util.RedisNumbers;

/** SETBIT key offset 0|1: the bit's previous value; the string grows zero-padded to reach it. */
public final class SetBit implements CommandHandler {
  private static final String BAD_BIT = "ERR bit is not an integer or out of range";

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long offset = BitStrings.offset(ctx, 2, 0);
    if (offset < 0) return;
    long on;
    try {
      on = RedisNumbers.parseLong(a.buffer(), a.offset(3), a.length(3));
    } catch (NumberFormatException e) {
      ctx.error(BAD_BIT);
      return;
    }
    if ((on & ~1L) != 0) {
      ctx.error(BAD_BIT);
      return;
    }
    boolean[] grew = new boolean[1];
    StringBuilderValue sb = BitStrings.forWrite(ctx, 1, offset, grew);
    if (sb == null) return;
    byte[] b = sb.array();
    int at = (int) (offset >>> 3);
    int shift = 7 - (int) (offset & 7);
    int old = (b[at] >> shift) & 1;
    if (on == 1) b[at] |= (byte) (1 << shift);
    else b[at] &= (byte) ~(1 << shift);
    if (grew[0] || old != on) {
      ctx.keyEvent(KeyEvent.SETBIT, 1);
      ctx.dirty(1);
    }
    ctx.reply.integer(old);
  }
}
