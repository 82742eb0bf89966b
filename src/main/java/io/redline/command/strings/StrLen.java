package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.StringValue;

/** STRLEN key: bytes in the string, 0 for a missing key. */
public final class StrLen implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) ctx.reply.integer(0);
    else if (!StringValue.isString(e.value())) ctx.error(Errors.WRONGTYPE);
    else ctx.reply.integer(StringValue.length(e.value()));
  }
}
