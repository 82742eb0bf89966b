package io.redline.command.pubsub;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.pubsub.SubscriptionKind;

/** PUBSUB NUMPAT: distinct patterns with subscribers (Redis 7.0 counts patterns, not pattern subscriptions). */
public final class PubSubNumPat implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.integer(ctx.server.pubsub().nameCount(SubscriptionKind.PATTERN));
  }
}
