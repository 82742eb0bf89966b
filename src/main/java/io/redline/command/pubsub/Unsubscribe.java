package io.redline.command.pubsub;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.pubsub.Subscriptions;
import io.redline.pubsub.SubscriptionKind;
import java.util.List;

/**
 * UNSUBSCRIBE / PUNSUBSCRIBE / SUNSUBSCRIBE [name ...]: one confirmation per name (subscribed
 * or not), or without names one per current subscription of that kind — and when there is none,
 * a single confirmation with a null name. The count is what is left after each.
 */
public final class Unsubscribe implements CommandHandler {
  private final SubscriptionKind kind;

  public Unsubscribe(SubscriptionKind kind) {
    this.kind = kind;
  }

  @Override
  public void execute(CommandContext ctx) {
    Subscriptions subs = ctx.client().subscriptions();
    if (ctx.argc() == 1) {
      List<byte[]> all = subs.names(kind);
      if (all.isEmpty()) {
        ctx.reply.push(3);
        ctx.reply.bulk(kind.unsubscribeWord());
        ctx.reply.nullBulk();
        ctx.reply.integer(subs.confirmationCount(kind));
      }
      for (byte[] name : all) confirm(ctx, subs, name);
      return;
    }
    for (int i = 1; i < ctx.argc(); i++) confirm(ctx, subs, ctx.args.bytes(i));
  }

  private void confirm(CommandContext ctx, Subscriptions subs, byte[] name) {
    subs.remove(kind, name);
    ctx.reply.push(3);
    ctx.reply.bulk(kind.unsubscribeWord());
    ctx.reply.bulk(name);
    ctx.reply.integer(subs.confirmationCount(kind));
  }
}
