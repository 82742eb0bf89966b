package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;

/** MOVE key db: the key keeps its shard (the slot is the same), so both databases are at hand. */
public final class Move implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long target = KeyArgs.intArg(ctx, 2, null);
    if (target == KeyArgs.BAD) return;
    if (!KeyArgs.validDb(ctx, target)) {
      ctx.error(Errors.DB_INDEX);
      return;
    }
    if (target == ctx.dbIndex()) {
      ctx.error(KeyArgs.SAME_OBJECT);
      return;
    }
    Keyspace src = ctx.db();
    Entry e = src.lookup(ctx.args, 1, ctx.now);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    e.touch(ctx.server.lruClock());
    Keyspace dst = ctx.db((int) target);
    if (dst.lookup(ctx.args, 1, ctx.now) != null) {
      ctx.reply.integer(0);
      return;
    }
    src.delete(e);
    Entry moved = dst.add(e.key(), e.value()); // a key's bytes are never modified: share them
    moved.touch(e.accessClock());
    ctx.keyEvent(KeyEvent.NEW, moved.key(), dst.index());
    if (e.hasExpiry()) dst.setExpire(moved, e.expireAt());
    ctx.keyEvent(KeyEvent.MOVE_FROM, e.key(), src.index());
    ctx.keyEvent(KeyEvent.MOVE_TO, moved.key(), dst.index());
    ctx.changedInDb(dst.index(), moved.key());
    ctx.dirty(1);
    ctx.reply.integer(1);
  }
}
