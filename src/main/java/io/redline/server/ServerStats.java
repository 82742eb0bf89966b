package io.redline.server;

import java.util.concurrent.atomic.LongAdder;

/** Server-wide counters for INFO stats; updated from every loop without locks. */
public final class ServerStats {
  public final LongAdder connectionsReceived = new LongAdder();
  public final LongAdder commandsProcessed = new LongAdder();
  public final LongAdder rejectedConnections = new LongAdder();
  public final LongAdder netInputBytes = new LongAdder();
  public final LongAdder netOutputBytes = new LongAdder();
  public final LongAdder errorReplies = new LongAdder();
  public final LongAdder dirty = new LongAdder();
  /** Errors by their first word (ERR, WRONGTYPE...), for INFO errorstats. */
  public final java.util.concurrent.ConcurrentHashMap<String, LongAdder> errorsByCode = new java.util.concurrent.ConcurrentHashMap<>();

  /** instantaneous_ops_per_sec, instantaneous_input_kbps, instantaneous_output_kbps. */
  private final Instantaneous opsPerSec = new Instantaneous(commandsProcessed);
  private final Instantaneous inputPerSec = new Instantaneous(netInputBytes);
  private final Instantaneous outputPerSec = new Instantaneous(netOutputBytes);

  /** Every 100 ms (Redis's serverCron period for these): one more sample of each rate. */
  void sampleRates() {
    long now = System.currentTimeMillis();
    opsPerSec.sample(now);
    inputPerSec.sample(now);
    outputPerSec.sample(now);
  }

  public long instantaneousOpsPerSec() { return opsPerSec.average(); }
  public double instantaneousInputKbps() { return inputPerSec.average() / 1024.0; }
  public double instantaneousOutputKbps() { return outputPerSec.average() / 1024.0; }

  /** Redis's trackInstantaneousMetric: the per-second rate of the last 16 samples, averaged. */
  private static final class Instantaneous {
    private static final int SAMPLES = 16;
    private final LongAdder counter;
    private final long[] samples = new long[SAMPLES];
    private int next;
    private long lastMillis = System.currentTimeMillis();
    private long lastCount;

    Instantaneous(LongAdder counter) {
      this.counter = counter;
    }

    synchronized void sample(long now) {
      long count = counter.sum();
      long elapsed = now - lastMillis;
      long delta = Math.max(0, count - lastCount); // CONFIG RESETSTAT may have zeroed the counter
      samples[next] = elapsed > 0 ? delta * 1000 / elapsed : 0;
      next = (next + 1) % SAMPLES;
      lastMillis = now;
      lastCount = count;
    }

    synchronized long average() {
      long sum = 0;
      for (long s : samples) sum += s;
      return sum / SAMPLES;
    }
  }

  /** Redis stops tracking new error codes past this many, so odd error texts cannot bloat INFO. */
  private static final int MAX_ERROR_CODES = 128;

  /** Counts one error reply under its code, for total_error_replies and INFO errorstats. */
  public void countError(String code) {
    errorReplies.increment();
    LongAdder n = errorsByCode.get(code);
    if (n == null) {
      if (errorsByCode.size() >= MAX_ERROR_CODES) return;
      n = errorsByCode.computeIfAbsent(code, k -> new LongAdder());
    }
    n.increment();
  }

  public void reset() {
    connectionsReceived.reset();
    commandsProcessed.reset();
    rejectedConnections.reset();
    netInputBytes.reset();
    netOutputBytes.reset();
    errorReplies.reset();
    errorsByCode.clear();
  }
}
