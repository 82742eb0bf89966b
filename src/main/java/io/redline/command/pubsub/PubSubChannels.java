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
      ctx.reply.errorLatin1(subcommandSyntaxError(ctx));
      return;
    }
    byte[] pattern = ctx.argc() == 3 ? ctx.args.bytes(2) : null;
    List<byte[]> names = ctx.server.pubsub().activeNames(kind, pattern);
    ctx.reply.array(names.size());
    for (byte[] n : names) ctx.reply.bulk(n);
  }

  /** Redis's addReplySubcommandSyntaxError: the subcommand as typed, the command upper-cased. */
  static String subcommandSyntaxError(CommandContext ctx) {
    String sub = ctx.args.cString(1);
    if (sub.length() > 128) sub = sub.substring(0, 128);
    return "ERR unknown subcommand or wrong number of arguments for '" + sub + "'. Try "
        + ctx.args.cString(0).toUpperCase(Locale.ROOT) + " HELP.";
  }
}
