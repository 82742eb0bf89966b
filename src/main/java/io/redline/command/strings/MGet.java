package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** MGET key [key ...]: one reply per key, nil for missing keys and for keys of other types. */
public final class MGet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    int n = ctx.argc() - 1;
    ctx.reply.array(n);
    for (int i = 1; i <= n; i++) {
      Entry e = ctx.lookupRead(i);
      if (e == null || !StringValue.isString(e.value())) ctx.reply.nullBulk();
      else ctx.reply.bulk(StringValue.bytes(e.value()));
    }
  }
}
