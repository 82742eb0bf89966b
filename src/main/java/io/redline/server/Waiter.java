package io.redline.server;

import io.netty.util.concurrent.ScheduledFuture;
import io.redline.command.BlockingCommand;
import io.redline.command.CommandSpec;
import io.redline.protocol.Args;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A parked client: its command, the reply slot it owes, and the keys it waits on (possibly on
 * several shards, registered in each shard's {@link BlockingRegistry}). Whoever flips {@link #done}
 * first — a shard serving it, its timeout, or its disconnection — answers it; everyone else skips.
 */
final class Waiter {
  final ClientConnection client;
  final PendingReply slot;
  final CommandSpec spec;
  final BlockingCommand handler;
  final Args args;
  final int db;
  final int resp;
  final byte[][] keys;
  final AtomicBoolean done = new AtomicBoolean();
  volatile ScheduledFuture<?> timeout;

  Waiter(ClientConnection client, PendingReply slot, CommandSpec spec, Args args, int db, int resp, byte[][] keys) {
    this.client = client;
    this.slot = slot;
    this.spec = spec;
    this.handler = (BlockingCommand) spec.handler();
    this.args = args;
    this.db = db;
    this.resp = resp;
    this.keys = keys;
  }

  void cancelTimeout() {
    ScheduledFuture<?> t = timeout;
    if (t != null) t.cancel(false);
  }
}
