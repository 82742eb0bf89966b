package io.redline.command.pubsub;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.pubsub.SubscriptionKind;

/**
 * PUBSUB NUMSUB / SHARDNUMSUB [name ...]: each name with its subscriber count (patterns not
 * counted), as a flat array in RESP3 too, as Redis 7.0 answers.
 */
public final class PubSubNumSub implements CommandHandler {
  private final SubscriptionKind kind;

  public PubSubNumSub(SubscriptionKind kind) {
    this.kind = kind;
  }

  @Override
  public void execute(CommandContext ctx) {
    var hub = ctx.server.pubsub();
    ctx.reply.array((ctx.argc() - 2) * 2);
    for (int i = 2; i < ctx.argc(); i++) {
      byte[] name = ctx.args.bytes(i);
      ctx.reply.bulk(name);
      ctx.reply.integer(hub.subscriberCount(kind, name));
    }
  }
}
