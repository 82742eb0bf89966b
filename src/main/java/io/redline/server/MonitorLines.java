package io.redline.server;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * A monitoring client's MONITOR lines (see {@link Monitors}): offered from any thread, written on
 * the client's loop, one flush per batch.
 */
final class MonitorLines {
  private final Queue<byte[]> lines = new MpscUnboundedXaddArrayQueue<>(256);
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final ClientConnection client;

  MonitorLines(ClientConnection client) {
    this.client = client;
  }

  void offer(byte[] line) {
    lines.offer(line);
    if (drainScheduled.compareAndSet(false, true)) client.home().loop().execute(this::drain);
  }

  private void drain() {
    drainScheduled.set(false);
    client.writeMonitorLines(lines);
  }
}
