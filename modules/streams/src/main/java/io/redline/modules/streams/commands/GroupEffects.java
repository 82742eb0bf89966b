package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamId;
import java.nio.charset.StandardCharsets;

/**
 * What XREADGROUP logs to the AOF instead of itself, as Redis 7.0 propagates it: replaying
 * XREADGROUP later would read whatever is new then, so its effects are logged — the consumer it
 * created, an XCLAIM ... FORCE JUSTID per entry it delivered (with the delivery time and count),
 * and the group's new last ID.
 */
final class GroupEffects {
  private GroupEffects() {}

  static void consumerCreated(CommandContext ctx, byte[] key, byte[] group, byte[] consumer) {
    ctx.alsoPropagate(ascii("XGROUP"), ascii("CREATECONSUMER"), key, group, consumer);
  }

  /** streamPropagateXCLAIM: XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n FORCE JUSTID LASTID last. */
  static void delivered(CommandContext ctx, byte[] key, byte[] group, byte[] consumer, StreamId id, PendingEntry p,
                        ConsumerGroup g) {
    ctx.alsoPropagate(ascii("XCLAIM"), key, group, consumer, ascii("0"), id.bytes(), ascii("TIME"),
        ascii(Long.toString(p.deliveryTime)), ascii("RETRYCOUNT"), ascii(Long.toString(p.deliveryCount)),
        ascii("FORCE"), ascii("JUSTID"), ascii("LASTID"), g.lastId.bytes());
  }

  /** streamPropagateGroupID: XGROUP SETID key group last ENTRIESREAD n. */
  static void groupAdvanced(CommandContext ctx, byte[] key, byte[] group, ConsumerGroup g) {
    ctx.alsoPropagate(ascii("XGROUP"), ascii("SETID"), key, group, g.lastId.bytes(), ascii("ENTRIESREAD"),
        ascii(Long.toString(g.entriesRead)));
  }

  private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
