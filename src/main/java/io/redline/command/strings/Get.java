package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** GET key */
public final class Get implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.nullBulk();
    } else if (e.value() instanceof byte[] b) {
      ctx.reply.bulk(b);
    } else if (StringValue.isString(e.value())) {
      ctx.reply.bulk(StringValue.bytes(e.value()));
    } else {
      ctx.error(Errors.WRONGTYPE);
    }
  }
}
