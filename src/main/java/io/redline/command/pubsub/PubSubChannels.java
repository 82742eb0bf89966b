package io.redline.command.pubsub;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.pubsub.SubscriptionKind;
import java.util.List;
import java.util.Locale;

/** PUBSUB CHANNELS / SHARDCHANNELS [pattern]: names with subscribers, optionally glob-filtered. */
public final class PubSubChannels implements CommandHandler {
  private final SubscriptionKind kind;

  public PubSubChannels(SubscriptionKind kind) {
    this.kind = kind;
  }

  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 3) {
      io.redline.command.Errors.subcommandSyntax(ctx);
      return;
    }
    byte[] pattern = ctx.argc() == 3 ? ctx.args.bytes(2) : null;
    List<byte[]> names = ctx.server.pubsub().activeNames(kind, pattern);
    ctx.reply.array(names.size());
    for (byte[] n : names) ctx.reply.bulk(n);
  }
}
