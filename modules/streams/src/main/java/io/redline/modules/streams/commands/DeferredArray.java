package io.redline.modules.streams.commands;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redline.protocol.ReplyWriter;

/**
 * An array reply whose length is known only after its elements are written (entries read while
 * a group's PEL is updated, claims that may be skipped): elements go to a scratch buffer, then
 * the header and the elements go to the real reply.
 */
final class DeferredArray {
  final ReplyWriter items;
  private final ByteBuf buf;
  int count;

  DeferredArray(ReplyWriter reply) {
    this.buf = Unpooled.buffer(256);
    this.items = new ReplyWriter(buf, reply.resp());
  }

  /** Drops whatever was written (nothing will be sent). */
  void discard() { buf.release(); }

  /** Writes the elements as the top level of a read reply (RESP3: a map; the elements are its pairs). */
  void writeReadReplyTo(ReplyWriter reply) {
    ReadArgs.header(reply, count);
    reply.raw(buf);
    buf.release();
  }

  /** Writes the array (header, then the {@link #count} elements written to {@link #items}) to {@code reply}. */
  void writeTo(ReplyWriter reply) {
    reply.array(count);
    reply.raw(buf);
    buf.release();
  }
}
