package io.redline.server;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * Output for one client that other threads produce (MONITOR lines, tracking invalidations):
 * offered from any thread, written on the client's loop behind the replies it is owed, one flush
 * per batch.
 */
final class OutOfBandQueue {
  private final Queue<byte[]> lines = new MpscUnboundedXaddArrayQueue<>(256);
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final ClientConnection client;

  OutOfBandQueue(ClientConnection client) {
    this.client = client;
  }

  void offer(byte[] line) {
    lines.offer(line);
    if (drainScheduled.compareAndSet(false, true)) client.home().loop().execute(this::drain);
  }

  private void drain() {
    drainScheduled.set(false);
    client.writeOutOfBand(lines);
  }
}
