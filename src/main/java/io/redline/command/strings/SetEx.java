package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** SETEX key seconds value and PSETEX key milliseconds value: SET with a relative TTL. */
public final class SetEx implements CommandHandler {
  private final String unit;
  private final String command;

  private SetEx(String unit, String command) {
    this.unit = unit;
    this.command = command;
  }

  static SetEx seconds() { return new SetEx("EX", "setex"); }

  static SetEx millis() { return new SetEx("PX", "psetex"); }

  @Override
  public void execute(CommandContext ctx) {
    long expireAt = Expiry.absoluteMillis(ctx, 2, unit, command);
    if (expireAt == Long.MIN_VALUE) return; // error written
    Keyspace db = ctx.db();
    Entry e = StringWrites.store(ctx, db, ctx.lookupWrite(1), 1, StringValue.of(ctx.args.bytes(3)), false);
    ctx.keyEvent(KeyEvent.SET, e.key());
    db.setExpire(e, expireAt);
    ctx.keyEvent(KeyEvent.EXPIRE, e.key());
    io.redline.aof.Effects.setPxat(ctx, 1, 3, expireAt);
    ctx.dirty(1);
    ctx.reply.ok();
  }
}
