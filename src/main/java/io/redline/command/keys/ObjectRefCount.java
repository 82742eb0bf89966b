package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;

/** OBJECT REFCOUNT key: see {@link Values#refcount} for why the answer is 1 or Redis's shared marker. */
public final class ObjectRefCount implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = KeyArgs.objectLookup(ctx, 2);
    if (e == null) ctx.reply.nullBulk();
    else ctx.reply.integer(Values.refcount(e.value()));
  }
}
