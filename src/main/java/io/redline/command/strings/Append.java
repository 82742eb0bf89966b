package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;

/** APPEND key value: the new length. An existing value becomes growable ("raw"), as in Redis. */
public final class Append implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry e = ctx.lookupWrite(1);
    long total;
    if (e == null) {
      // A new key stores the argument as SET would ("int" or "embstr" encoding).
      byte[] v = a.bytes(2);
      StringWrites.store(ctx, ctx.db(), null, 1, StringValue.of(v), false);
      total = v.length;
    } else {
      if (!StringValue.isString(e.value())) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      int add = a.length(2);
      if (StringWrites.tooLong(ctx, StringValue.length(e.value()), add)) return;
      StringBuilderValue sb = StringWrites.growable(e, add);
      sb.append(a.buffer(), a.offset(2), add);
      e.touch(ctx.server.lruClock());
      total = sb.length();
    }
    ctx.keyEvent(KeyEvent.APPEND, 1);
    ctx.dirty(1);
    ctx.reply.integer(total);
  }
}
