package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;

/** PERSIST key: drops the TTL; 1 if there was one to drop. */
public final class Persist implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Keyspace db = ctx.db();
    Entry e = db.lookup(ctx.args, 1, ctx.now);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    e.touch(ctx.server.lruClock());
    if (!e.hasExpiry()) {
      ctx.reply.integer(0);
      return;
    }
    db.setExpire(e, Entry.NO_EXPIRY);
    ctx.keyEvent(KeyEvent.PERSIST, e.key());
    ctx.dirty(1);
    ctx.reply.integer(1);
  }
}
