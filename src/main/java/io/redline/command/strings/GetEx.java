package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** GETEX key [EX s | PX ms | EXAT unix-s | PXAT unix-ms | PERSIST]: GET that also sets or clears the TTL. */
public final class GetEx implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    SetOptions o = SetOptions.parse(ctx, 2, false);
    if (o == null) return;
    Entry e = ctx.lookupRead(1);
    // Redis checks the key before the expire value: a missing key answers nil even for "EX -1".
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    if (!StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    long expireAt = Entry.NO_EXPIRY;
    if (o.expireArg >= 0) {
      expireAt = Expiry.absoluteMillis(ctx, o.expireArg, o.unit(), "getex");
      if (expireAt == Long.MIN_VALUE) return; // error written
    }
    ctx.reply.bulk(StringValue.bytes(e.value()));
    Keyspace db = ctx.db();
    if (o.expireArg >= 0) {
      // An absolute time already past deletes the key, as Redis does, instead of leaving it to expire.
      if (expireAt <= ctx.now) {
        db.delete(e);
        ctx.keyEvent(KeyEvent.DEL, e.key());
        io.redline.aof.Effects.del(ctx, 1);
      } else {
        db.setExpire(e, expireAt);
        ctx.keyEvent(KeyEvent.EXPIRE, e.key());
        io.redline.aof.Effects.pexpireAt(ctx, 1, expireAt);
      }
      ctx.dirty(1);
    } else if (o.has(SetOptions.PERSIST) && e.hasExpiry()) {
      db.setExpire(e, Entry.NO_EXPIRY);
      ctx.keyEvent(KeyEvent.PERSIST, e.key());
      io.redline.aof.Effects.persist(ctx, 1);
      ctx.dirty(1);
    }
  }
}
