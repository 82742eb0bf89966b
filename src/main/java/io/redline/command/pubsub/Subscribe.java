package io.redline.command.pubsub;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.pubsub.Subscriptions;
import io.redline.pubsub.SubscriptionKind;

/**
 * SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE name [name ...]: one confirmation per name, as Redis
 * sends them (a push in RESP3), each with the client's count after it: channels plus patterns,
 * or shard channels for SSUBSCRIBE. Subscribing twice to a name changes nothing but still
 * confirms.
 */
public final class Subscribe implements CommandHandler {
  private final SubscriptionKind kind;

  public Subscribe(SubscriptionKind kind) {
    this.kind = kind;
  }

  @Override
  public void execute(CommandContext ctx) {
    if (kind == SubscriptionKind.SHARD && !ctx.mayBlock()) {
      // Redis 7.0 refuses SSUBSCRIBE for "deny blocking" clients, which includes MULTI (SUBSCRIBE
      // and PSUBSCRIBE are let through there for backward compatibility).
      ctx.error("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client");
      return;
    }
    Subscriptions subs = ctx.client().subscriptions();
    for (int i = 1; i < ctx.argc(); i++) {
      byte[] name = ctx.args.bytes(i);
      subs.add(kind, name);
      ctx.reply.push(3);
      ctx.reply.bulk(kind.subscribeWord());
      ctx.reply.bulk(name);
      ctx.reply.integer(subs.confirmationCount(kind));
    }
  }
}
