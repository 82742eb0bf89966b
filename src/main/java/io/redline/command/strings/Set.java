package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL] */
public final class Set implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    SetOptions o = SetOptions.parse(ctx, 3, true);
    if (o == null) return;
    long expireAt = Entry.NO_EXPIRY;
    if (o.expireArg >= 0) {
      expireAt = Expiry.absoluteMillis(ctx, o.expireArg, o.unit(), "set");
      if (expireAt == Long.MIN_VALUE) return; // error written
    }
    boolean get = o.has(SetOptions.GET);
    // With GET the old value is read as GET reads it (hit/miss stats, type check) before anything else.
    Entry e = get ? ctx.lookupRead(1) : ctx.lookupWrite(1);
    if (get && e != null && !StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    byte[] old = get && e != null ? StringValue.bytes(e.value()) : null;
    if ((o.has(SetOptions.NX) && e != null) || (o.has(SetOptions.XX) && e == null)) {
      if (old != null) ctx.reply.bulk(old);
      else ctx.reply.nullBulk();
      return;
    }
    Keyspace db = ctx.db();
    e = StringWrites.store(ctx, db, e, 1, StringValue.of(ctx.args.bytes(2)), o.has(SetOptions.KEEPTTL));
    ctx.keyEvent(KeyEvent.SET, e.key());
    if (expireAt != Entry.NO_EXPIRY) {
      db.setExpire(e, expireAt);
      ctx.keyEvent(KeyEvent.EXPIRE, e.key());
      // As Redis: the AOF gets SET key value PXAT ms (options done with), unless it was PXAT already.
      if (!ctx.args.is(o.expireArg - 1, "PXAT")) io.redline.aof.Effects.setPxat(ctx, 1, 2, expireAt);
      else if (get) dropGet(ctx);
    } else if (get) {
      dropGet(ctx);
    }
    ctx.dirty(1);
    if (!get) ctx.reply.ok();
    else if (old != null) ctx.reply.bulk(old);
    else ctx.reply.nullBulk();
  }

  /** SET ... GET is logged without its GET, which changes nothing. */
  private static void dropGet(CommandContext ctx) {
    for (int i = 3; i < ctx.args.size(); i++) {
      if (ctx.args.is(i, "GET")) {
        io.redline.aof.Effects.without(ctx, i);
        return;
      }
    }
  }
}
