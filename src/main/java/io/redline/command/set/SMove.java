package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.set.SetValue;

/**
 * SMOVE source destination member: 1 when the member moved. Keys on different shards make this a
 * multi-shard transaction (the dispatcher's doing), so no client sees the member in both or neither.
 */
public final class SMove implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry src = ctx.lookupWrite(1);
    Entry dst = ctx.lookupWrite(2);
    if (src == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!Sets.isSetOrAbsent(ctx, src) || !Sets.isSetOrAbsent(ctx, dst)) return;
    byte[] b = a.buffer();
    int off = a.offset(3), len = a.length(3);
    SetValue from = (SetValue) src.value();
    if (src == dst) {
      ctx.reply.integer(from.contains(b, off, len) ? 1 : 0);
      return;
    }
    if (!from.remove(b, off, len)) {
      ctx.reply.integer(0);
      return;
    }
    ctx.keyEvent(KeyEvent.SREM, src.key());
    if (from.size() == 0) {
      ctx.db().delete(src);
      ctx.keyEvent(KeyEvent.DEL, src.key());
    }
    SetValue to = dst == null ? SetValue.forFirstMember(b, off, len) : (SetValue) dst.value();
    boolean added = to.add(b, off, len, Sets.maxIntset(ctx));
    if (dst == null) {
      dst = ctx.db().add(a.bytes(2), to);
      ctx.keyEvent(KeyEvent.NEW, dst.key());
    }
    if (added) ctx.keyEvent(KeyEvent.SADD, dst.key());
    ctx.dirty(1);
    ctx.reply.integer(1);
  }
}
