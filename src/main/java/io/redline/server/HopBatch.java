package io.redline.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.redline.command.CommandSpec;
import io.redline.protocol.Args;
import io.redline.shard.Shard;
import io.redline.shard.ShardTask;

/**
 * Commands from one event loop's connections for one other shard, sent as a single queue entry
 * and answered with a single control message: the hop costs of a pipeline (or of many clients
 * in one loop iteration) are paid once per batch, not once per command.
 *
 * <p>Replies are written one after another into one buffer; each command's slot records its
 * range. The buffer is released when every slot has been written out (or discarded).
 */
final class HopBatch extends ShardTask implements Runnable {
  private final CommandDispatcher dispatcher;
  private final Shard home;
  private CommandSpec[] specs = new CommandSpec[16];
  private Args[] args = new Args[16];
  private ClientConnection[] clients = new ClientConnection[16];
  private PendingReply[] slots = new PendingReply[16];
  private int[] dbs = new int[16];
  private byte[] resps = new byte[16];
  private boolean[] discards = new boolean[16];
  private int size;
  private ByteBuf replies;
  private int unconsumed;

  HopBatch(CommandDispatcher dispatcher, Shard home) {
    this.dispatcher = dispatcher;
    this.home = home;
  }

  int size() { return size; }

  void add(CommandSpec spec, Args detachedArgs, ClientConnection client, PendingReply slot, int db, int resp, boolean discard) {
    if (size == specs.length) grow();
    specs[size] = spec;
    args[size] = detachedArgs;
    clients[size] = client;
    slots[size] = slot;
    dbs[size] = db;
    resps[size] = (byte) resp;
    discards[size] = discard;
    slot.batch = this;
    size++;
  }

  private void grow() {
    int n = size * 2;
    specs = java.util.Arrays.copyOf(specs, n);
    args = java.util.Arrays.copyOf(args, n);
    clients = java.util.Arrays.copyOf(clients, n);
    slots = java.util.Arrays.copyOf(slots, n);
    dbs = java.util.Arrays.copyOf(dbs, n);
    resps = java.util.Arrays.copyOf(resps, n);
    discards = java.util.Arrays.copyOf(discards, n);
  }

  /** On the target shard's thread: runs every command in order. */
  @Override
  public void run(Shard shard) {
    replies = PooledByteBufAllocator.DEFAULT.heapBuffer(size * 16);
    int answered = size;
    for (int i = 0; i < size; i++) {
      PendingReply slot = slots[i];
      slot.from = replies.writerIndex();
      if (dispatcher.executeOn(shard, specs[i], args[i], replies, resps[i], clients[i], dbs[i], slot)) {
        slot.parked = true;
        slot.batch = null;
        answered--;
        continue;
      }
      if (discards[i]) replies.writerIndex(slot.from);
      slot.to = replies.writerIndex();
    }
    unconsumed = answered;
    if (answered == 0) replies.release();
    home.control(this);
  }

  /** Back on the home loop: hands each reply to its connection. */
  @Override
  public void run() {
    for (int i = 0; i < size; i++) if (!slots[i].parked) clients[i].completeBatched(slots[i]);
  }

  ByteBuf replies() { return replies; }

  void slotConsumed() {
    if (--unconsumed == 0) replies.release();
  }
}
