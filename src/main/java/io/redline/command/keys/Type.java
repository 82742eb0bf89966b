package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.TypeNames;
import io.redline.store.Entry;

/** TYPE key: the value's type name as a status reply, "none" when the key is absent. */
public final class Type implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.db().lookupRead(ctx.args, 1, ctx.now);
    ctx.reply.simple(e == null ? "none" : TypeNames.of(e.value()));
  }
}
