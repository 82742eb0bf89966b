package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.set.SetValue;

/** SADD key member [member ...]: replies how many members were new. */
public final class SAdd implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry e = ctx.lookupWrite(1);
    if (!Sets.isSetOrAbsent(ctx, e)) return;
    SetValue s = e == null ? SetValue.forFirstMember(a.buffer(), a.offset(2), a.length(2)) : (SetValue) e.value();
    long max = Sets.maxIntset(ctx);
    int added = 0;
    for (int i = 2; i < a.size(); i++) {
      if (s.add(a.buffer(), a.offset(i), a.length(i), max)) added++;
    }
    if (e == null) {
      e = ctx.db().add(a.bytes(1), s);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    }
    if (added > 0) ctx.keyEvent(KeyEvent.SADD, e.key());
    ctx.dirty(added);
    ctx.reply.integer(added);
  }
}
