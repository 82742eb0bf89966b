package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.set.SetValue;
import io.redline.util.RedisNumbers;

/**
 * SPOP key [count]: removes random members. With a count the reply is a set (RESP3 "~"); a
 * count of at least the set's size takes everything, in the order of a fresh union of the set
 * (as Redis), and deletes the key.
 */
public final class SPop implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() > 3) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    long count = -1;
    if (a.size() == 3) {
      count = RedisNumbers.isLong(a.buffer(), a.offset(2), a.length(2))
          ? RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2)) : -1;
      if (count < 0) {
        ctx.error("ERR value is out of range, must be positive");
        return;
      }
    }
    Entry e = ctx.lookupWrite(1);
    if (!Sets.isSetOrAbsent(ctx, e)) return;
    if (count < 0) {
      if (e == null) {
        ctx.reply.nullBulk();
        return;
      }
      SetValue s = (SetValue) e.value();
      byte[] m = s.pop();
      ctx.keyEvent(KeyEvent.SPOP, e.key());
      if (s.size() == 0) {
        ctx.db().delete(e);
        ctx.keyEvent(KeyEvent.DEL, e.key());
      }
      ctx.dirty(1);
      ctx.propagateAs(io.redline.aof.Effects.ascii("SREM"), e.key(), m); // what was removed: a replay must not pick again
      ctx.reply.bulk(m);
      return;
    }
    if (e == null || count == 0) {
      ctx.reply.set(0);
      return;
    }
    SetValue s = (SetValue) e.value();
    ctx.keyEvent(KeyEvent.SPOP, e.key());
    if (count >= s.size()) {
      // Redis answers with a fresh union of the set: an intset again if every member is an
      // integer, so a hashtable of integers (a string member came and went) replies ascending.
      Sets.replyMembers(ctx, s.isIntset() ? s : SetAlgebra.union(new SetValue[] {s}, Sets.maxIntset(ctx)));
      ctx.dirty(s.size());
      ctx.propagateAs(io.redline.aof.Effects.ascii("DEL"), e.key());
      ctx.db().delete(e);
      ctx.keyEvent(KeyEvent.DEL, e.key());
      return;
    }
    int n = (int) count;
    ctx.reply.set(n);
    byte[] srem = io.redline.aof.Effects.ascii("SREM");
    for (int i = 0; i < n; i++) {
      byte[] m = s.pop();
      ctx.reply.bulk(m);
      ctx.alsoPropagate(srem, e.key(), m); // Redis 7.0: one SREM each, in MULTI/EXEC
    }
    ctx.dirty(n);
  }
}
