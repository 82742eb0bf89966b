package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** GETDEL key: the string value, then the key is gone. */
public final class GetDel implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.nullBulk();
    } else if (!StringValue.isString(e.value())) {
      ctx.error(Errors.WRONGTYPE);
    } else {
      ctx.reply.bulk(StringValue.bytes(e.value()));
      ctx.db().delete(e);
      ctx.keyEvent(KeyEvent.DEL, e.key());
      io.redline.aof.Effects.del(ctx, 1);
      ctx.dirty(1);
    }
  }
}
