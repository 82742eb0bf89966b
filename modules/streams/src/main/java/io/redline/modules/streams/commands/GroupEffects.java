package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamId;
import java.nio.charset.StandardCharsets;

/**
 * What XREADGROUP, XCLAIM and XAUTOCLAIM log to the AOF instead of themselves, as Redis 7.0
 * propagates them: replayed later they would read whatever is new, or claim whatever is idle, by
 * then, so their effects are logged — the consumer created, an XCLAIM ... FORCE JUSTID per entry
 * delivered or claimed (with its delivery time and count), PEL entries dropped, the group's last ID.
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

  /** A pending entry whose stream entry was deleted, dropped from the PEL by a claim. */
  static void acked(CommandContext ctx, byte[] key, byte[] group, StreamId id) {
    ctx.alsoPropagate(ascii("XACK"), key, group, id.bytes());
  }

  /** streamPropagateGroupID: XGROUP SETID key group last ENTRIESREAD n. */
  static void groupAdvanced(CommandContext ctx, byte[] key, byte[] group, ConsumerGroup g) {
    ctx.alsoPropagate(ascii("XGROUP"), ascii("SETID"), key, group, g.lastId.bytes(), ascii("ENTRIESREAD"),
        ascii(Long.toString(g.entriesRead)));
  }

  private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
