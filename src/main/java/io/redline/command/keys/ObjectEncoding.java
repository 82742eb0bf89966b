package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.TypeNames;
import io.redline.store.Entry;

/** OBJECT ENCODING key: Redis's name for how the value is stored; nil when the key is absent. */
public final class ObjectEncoding implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = KeyArgs.objectLookup(ctx, 2);
    if (e == null) ctx.reply.nullBulk();
    else ctx.reply.bulk(TypeNames.encoding(e.value()));
  }
}
