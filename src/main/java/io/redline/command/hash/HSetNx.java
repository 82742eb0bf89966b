package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.hash.HashValue;

/** HSETNX key field value: sets the field only when it is absent; replies 1 if it did. */
public final class HSetNx implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry e = ctx.lookupWrite(1);
    if (!Hashes.isHashOrAbsent(ctx, e)) return;
    if (e != null && ((HashValue) e.value()).contains(a.buffer(), a.offset(2), a.length(2))) {
      ctx.reply.integer(0);
      return;
    }
    Hashes.setField(ctx, e, a.bytes(2), a.bytes(3));
    ctx.keyEvent(KeyEvent.HSET, 1);
    ctx.dirty(1);
    ctx.reply.integer(1);
  }
}
