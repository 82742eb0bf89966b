package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;

/**
 * DEL key [key ...] and UNLINK key [key ...]. UNLINK's point in Redis is to free big values off
 * the main thread; here freeing is the garbage collector's job anyway, so both are the same.
 */
public final class Del implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Keyspace db = ctx.db();
    int deleted = 0;
    for (int i = 1; i < ctx.argc(); i++) {
      Entry e = db.lookup(ctx.args, i, ctx.now);
      if (e != null) {
        db.delete(e);
        ctx.keyEvent(KeyEvent.DEL, e.key());
        deleted++;
      }
    }
    ctx.dirty(deleted);
    ctx.reply.integer(deleted);
  }
}
