package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;

/** OBJECT ENCODING key: Redis's name for how the value is stored; nil when the key is absent. */
public final class ObjectEncoding implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.db().lookupRead(ctx.args, 2, ctx.now);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    String enc = Values.encoding(e.value());
    if (enc == null) ctx.error("ERR OBJECT ENCODING does not support values of this type yet");
    else ctx.reply.bulk(enc);
  }
}
