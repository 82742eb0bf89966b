package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** GETSET key value: the old string (or nil), replaced by the new one; any TTL is dropped. */
public final class GetSet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e != null && !StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    if (e == null) ctx.reply.nullBulk();
    else ctx.reply.bulk(StringValue.bytes(e.value()));
    StringWrites.store(ctx, ctx.db(), e, 1, StringValue.of(ctx.args.bytes(2)), false);
    ctx.keyEvent(KeyEvent.SET, 1);
    io.redline.aof.Effects.set(ctx, 1, 2); // as Redis 7.0 logs GETSET
    ctx.dirty(1);
  }
}
