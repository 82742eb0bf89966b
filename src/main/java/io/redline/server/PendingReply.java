package io.redline.server;

import io.netty.buffer.ByteBuf;

/** A reply slot held in request order until its command, running elsewhere, has answered. */
final class PendingReply {
  ByteBuf reply;
  boolean done;
}
