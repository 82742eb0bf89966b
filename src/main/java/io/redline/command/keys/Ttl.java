package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;

/**
 * TTL, PTTL, EXPIRETIME and PEXPIRETIME key: -2 when the key is absent, -1 when it has no TTL,
 * otherwise the remaining time (or the absolute expiry) in seconds or milliseconds.
 */
public final class Ttl implements CommandHandler {
  private final boolean millis;
  private final boolean absolute;

  public Ttl(boolean millis, boolean absolute) {
    this.millis = millis;
    this.absolute = absolute;
  }

  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.db().lookupRead(ctx.args, 1, ctx.now);
    if (e == null) {
      ctx.reply.integer(-2);
    } else if (!e.hasExpiry()) {
      ctx.reply.integer(-1);
    } else {
      long t = absolute ? e.expireAt() : Math.max(0, e.expireAt() - ctx.now);
      // Seconds round to the nearest; Redis's sum wraps as unsigned near the top of the range, so does ours.
      ctx.reply.integer(millis ? t : Long.divideUnsigned(t + 500, 1000));
    }
  }
}
