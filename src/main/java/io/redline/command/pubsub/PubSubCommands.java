package io.redline.command.pubsub;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import io.redline.command.HelpReply;
import io.redline.pubsub.SubscriptionKind;
import java.util.List;

/**
 * Pub/sub (commands/pubsub.json). None of these touches keys: they run on the client's own loop
 * against the server's {@link io.redline.pubsub.PubSubHub}. SPUBLISH and SSUBSCRIBE declare their
 * channels as (not_key) key specs for cluster routing; outside cluster mode Redis ignores them,
 * and so does this binding.
 */
public final class PubSubCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("pubsub");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("subscribe", Route.CONNECTION, new Subscribe(SubscriptionKind.CHANNEL));
    t.bind("psubscribe", Route.CONNECTION, new Subscribe(SubscriptionKind.PATTERN));
    t.bind("ssubscribe", Route.CONNECTION, new Subscribe(SubscriptionKind.SHARD));
    t.bind("unsubscribe", Route.CONNECTION, new Unsubscribe(SubscriptionKind.CHANNEL));
    t.bind("punsubscribe", Route.CONNECTION, new Unsubscribe(SubscriptionKind.PATTERN));
    t.bind("sunsubscribe", Route.CONNECTION, new Unsubscribe(SubscriptionKind.SHARD));
    t.bind("publish", Route.CONNECTION, new Publish(false));
    t.bind("spublish", Route.CONNECTION, new Publish(true));

    t.bind("pubsub|channels", Route.CONNECTION, new PubSubChannels(SubscriptionKind.CHANNEL));
    t.bind("pubsub|shardchannels", Route.CONNECTION, new PubSubChannels(SubscriptionKind.SHARD));
    t.bind("pubsub|numsub", Route.CONNECTION, new PubSubNumSub(SubscriptionKind.CHANNEL));
    t.bind("pubsub|shardnumsub", Route.CONNECTION, new PubSubNumSub(SubscriptionKind.SHARD));
    t.bind("pubsub|numpat", Route.CONNECTION, new PubSubNumPat());
    t.bind("pubsub|help", Route.CONNECTION, new HelpReply(
        "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
        "HELP",
        "    Prints this help."));
  }
}
