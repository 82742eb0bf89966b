package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL] */
public final class Set implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    boolean nx = false, xx = false, get = false, keepTtl = false;
    String unit = null; // "EX", "PX", "EXAT", "PXAT"
    int unitArg = -1;
    for (int i = 3; i < a.size(); i++) {
      boolean hasNext = i + 1 < a.size();
      if (a.is(i, "NX") && !xx) nx = true;
      else if (a.is(i, "XX") && !nx) xx = true;
      else if (a.is(i, "GET")) get = true;
      else if (a.is(i, "KEEPTTL") && unit == null) keepTtl = true;
      else if (unit == null && !keepTtl && hasNext && (a.is(i, "EX") || a.is(i, "PX") || a.is(i, "EXAT") || a.is(i, "PXAT"))) {
        unit = a.string(i).toUpperCase(java.util.Locale.ROOT);
        unitArg = ++i;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    long expireAt = Entry.NO_EXPIRY;
    if (unit != null) {
      expireAt = Expiry.absoluteMillis(ctx, unitArg, unit, "set");
      if (expireAt == Long.MIN_VALUE) return; // error written
    }
    Keyspace db = ctx.db();
    Entry e = db.lookup(a, 1, ctx.now);
    if (get && e != null && !StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    byte[] old = get && e != null ? StringValue.bytes(e.value()) : null;
    if ((nx && e != null) || (xx && e == null)) {
      if (get) {
        if (old == null) ctx.reply.nullBulk();
        else ctx.reply.bulk(old);
      } else {
        ctx.reply.nullBulk();
      }
      return;
    }
    Object value = StringValue.of(a.bytes(2));
    if (e == null) {
      e = db.add(a.bytes(1), value);
    } else {
      e.value(value);
      if (!keepTtl && e.hasExpiry()) db.setExpire(e, Entry.NO_EXPIRY);
    }
    e.touch(ctx.server.lruClock());
    if (expireAt != Entry.NO_EXPIRY) db.setExpire(e, expireAt);
    ctx.dirty(1);
    if (get) {
      if (old == null) ctx.reply.nullBulk();
      else ctx.reply.bulk(old);
    } else {
      ctx.reply.ok();
    }
  }
}
