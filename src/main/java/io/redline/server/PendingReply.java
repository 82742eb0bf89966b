package io.redline.server;

import io.netty.buffer.ByteBuf;

/**
 * A reply slot held in request order until its command, running elsewhere, has answered.
 * The reply is either a buffer of its own or a range of a {@link HopBatch}'s shared buffer.
 */
final class PendingReply {
  ByteBuf reply;
  int from;
  int to;
  HopBatch batch;
  boolean done;
  /** Its command was queued on the client's own shard (see {@link ClientConnection#queuedOnHome()}). */
  boolean onHome;
  /** Its command parked the client: a {@link Waiter} will fill it, not the batch it came in. */
  boolean parked;

  /** Writes the reply into {@code out} and gives back what it held. */
  void writeTo(ByteBuf out) {
    if (batch != null) {
      out.writeBytes(batch.replies(), from, to - from);
      batch.slotConsumed();
    } else if (reply != null) {
      out.writeBytes(reply);
      reply.release();
    }
  }

  /** Gives back what it held without writing (the connection closed). */
  void discard() {
    if (batch != null) {
      if (done) batch.slotConsumed();
    } else if (reply != null) {
      reply.release();
    }
  }
}
