package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.TypeNames;
import io.redline.store.Entry;

/** OBJECT ENCODING key: Redis's name for how the value is stored; nil when the key is absent. */
public final class ObjectEncoding implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.db().lookupRead(ctx.args, 2, ctx.now);
    if (e == null) ctx.reply.nullBulk();
    else ctx.reply.bulk(TypeNames.encoding(e.value()));
  }
}
