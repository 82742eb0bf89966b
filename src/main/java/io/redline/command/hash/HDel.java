package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.hash.HashValue;

/** HDEL key field [field ...]: replies how many fields were removed; an emptied hash is deleted. */
public final class HDel implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupWrite(1);
    if (!Hashes.isHashOrAbsent(ctx, e)) return;
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    HashValue h = (HashValue) e.value();
    Args a = ctx.args;
    int deleted = 0;
    for (int i = 2; i < a.size() && h.size() > 0; i++) {
      if (h.remove(a.buffer(), a.offset(i), a.length(i))) deleted++;
    }
    if (deleted > 0) {
      ctx.keyEvent(KeyEvent.HDEL, e.key());
      if (h.size() == 0) {
        ctx.db().delete(e);
        ctx.keyEvent(KeyEvent.DEL, e.key());
      }
    }
    ctx.dirty(deleted);
    ctx.reply.integer(deleted);
  }
}
