package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.modules.streams.store.Consumer;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.PendingEntry;
import io.redline.modules.streams.store.StreamCursor;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.ReplyWriter;
import java.util.Map;

/** The two ways XREADGROUP reads, shared by its immediate and its parked (served) runs. */
final class GroupReads {
  private GroupReads() {}

  /**
   * New entries (after {@code after}) for {@code consumer}, at most {@code count} (0: all): each
   * one past the group's last ID advances it and its read counter, and unless {@code noAck}
   * becomes pending for the consumer. Writes the entries array.
   */
  static void deliverNew(CommandContext ctx, ReplyWriter reply, byte[] key, byte[] group, StreamValue s, ConsumerGroup g,
                         Consumer consumer, StreamId after, long count, boolean noAck, long now) {
    StreamId start = after.next();
    boolean advanced = false;
    DeferredArray out = new DeferredArray(reply);
    if (start != null) {
      StreamCursor c = s.cursor(start, StreamId.MAX, false);
      while ((count == 0 || out.count < count) && c.next()) {
        StreamId id = c.entry().id();
        if (id.compareTo(g.lastId) > 0) {
          s.advanceGroup(g, id);
          advanced = true;
        }
        c.entry().write(out.items);
        if (!noAck) {
          g.delivered(id, consumer, now);
          GroupEffects.delivered(ctx, key, group, consumer.name, id, consumer.pending.get(id), g);
        }
        out.count++;
      }
    }
    if (advanced) GroupEffects.groupAdvanced(ctx, key, group, g);
    out.writeTo(reply);
  }

  /**
   * The consumer's own pending entries from {@code start} on, at most {@code count} (0: all),
   * each counted as delivered again; one deleted meanwhile comes back as [id, null].
   */
  static void history(CommandContext ctx, ReplyWriter reply, byte[] key, byte[] group, ConsumerGroup g, StreamValue s,
                      Consumer consumer, StreamId start, long count, long now) {
    DeferredArray out = new DeferredArray(reply);
    if (start != null) {
      for (Map.Entry<StreamId, PendingEntry> p : consumer.pending.tailMap(start, true).entrySet()) {
        if (count != 0 && out.count >= count) break;
        StreamId id = p.getKey();
        StreamCursor c = s.cursor(id, id, false);
        if (c.next()) {
          c.entry().write(out.items);
          p.getValue().deliveryTime = now;
          p.getValue().deliveryCount++;
          GroupEffects.delivered(ctx, key, group, consumer.name, id, p.getValue(), g);
        } else {
          out.items.array(2);
          out.items.bulk(id.bytes());
          out.items.nullArray();
        }
        out.count++;
      }
    }
    out.writeTo(reply);
  }
}
