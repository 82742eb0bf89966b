package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.store.StringValue;

/** SETNX key value: 1 if it set the key, 0 if the key (of any type) already existed. */
public final class SetNx implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.lookupWrite(1) != null) {
      ctx.reply.integer(0);
      return;
    }
    StringWrites.store(ctx, ctx.db(), null, 1, StringValue.of(ctx.args.bytes(2)), false);
    ctx.keyEvent(KeyEvent.SET, 1);
    ctx.dirty(1);
    ctx.reply.integer(1);
  }
}
