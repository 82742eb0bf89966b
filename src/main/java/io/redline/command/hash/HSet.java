package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.hash.HashValue;

/** HSET key field value [field value ...] (replies how many fields are new) and HMSET (replies OK). */
public final class HSet implements CommandHandler {
  private final boolean replyOk;

  private HSet(boolean replyOk) {
    this.replyOk = replyOk;
  }

  public static HSet hset() { return new HSet(false); }

  public static HSet hmset() { return new HSet(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    if (a.size() % 2 != 0) { // the declared arity only says "at least 4"
      ctx.error("ERR wrong number of arguments for '" + ctx.spec.name() + "' command");
      return;
    }
    Entry e = ctx.lookupWrite(1);
    if (!Hashes.isHashOrAbsent(ctx, e)) return;
    HashValue h = e == null ? new HashValue() : (HashValue) e.value();
    long maxEntries = Hashes.maxEntries(ctx);
    long maxValue = Hashes.maxValue(ctx);
    int created = 0;
    for (int i = 2; i < a.size(); i += 2) {
      if (h.set(a.bytes(i), a.bytes(i + 1), maxEntries, maxValue)) created++;
    }
    if (e == null) {
      e = ctx.db().add(a.bytes(1), h);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    }
    ctx.keyEvent(KeyEvent.HSET, e.key());
    ctx.dirty((a.size() - 2) / 2);
    if (replyOk) ctx.reply.ok();
    else ctx.reply.integer(created);
  }
}
