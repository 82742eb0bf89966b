package io.redline.command.pubsub;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * PUBLISH / SPUBLISH channel message: the number of receivers, counted at once over every loop;
 * delivery follows on each subscriber's own loop. Safe on any thread (a script's redis.call
 * runs it on a shard's), since it never touches the calling client.
 */
public final class Publish implements CommandHandler {
  private final boolean shard;

  public Publish(boolean shard) {
    this.shard = shard;
  }

  @Override
  public void execute(CommandContext ctx) {
    byte[] channel = ctx.args.bytes(1);
    byte[] message = ctx.args.bytes(2);
    var hub = ctx.server.pubsub();
    ctx.reply.integer(shard ? hub.spublish(channel, message) : hub.publish(channel, message));
  }
}
