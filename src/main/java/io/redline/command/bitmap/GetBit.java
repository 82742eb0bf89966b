package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** GETBIT key offset: the bit at offset; bits past the end (or of a missing key) are 0. */
public final class GetBit implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long offset = BitStrings.offset(ctx, 2, 0);
    if (offset < 0) return;
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ctx.reply.integer(BitStrings.view(e.value()).bit(offset));
  }
}
