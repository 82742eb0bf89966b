package io.redline.server;

import io.redline.config.ServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency monitor (LATENCY LATEST / HISTORY / RESET; docs/latency.md): with
 * {@code latency-monitor-threshold} set (ms; 0 = off, the default), every command that ran at
 * least that long adds a sample to its event, "fast-command" or "command" as its declaration's
 * "fast" flag says. As Redis keeps it: per event the last 160 samples, one per second (a second's
 * worst), and the worst ever.
 */
public final class LatencyMonitor {
  private static final int SAMPLES = 160;

  /** One sample: Unix seconds and milliseconds. */
  public record Sample(long time, long latency) { }

  /** What LATENCY LATEST shows of an event. */
  public record Latest(String event, long time, long latency, long max) { }

  private static final class Series {
    final long[] times = new long[SAMPLES];
    final long[] latencies = new long[SAMPLES];
    int next;
    long max;
  }

  private final Map<String, Series> events = new LinkedHashMap<>();
  private volatile long thresholdMillis;

  LatencyMonitor(ServerConfig config) {
    thresholdMillis = config.getLong("latency-monitor-threshold");
    config.onChange("latency-monitor-threshold", v -> thresholdMillis = Long.parseLong(v));
  }

  /** After a command ran for {@code micros}: a sample when the monitor is on and it was slow enough. Any thread. */
  void commandRan(boolean fast, long micros) {
    long threshold = thresholdMillis;
    if (threshold == 0 || micros / 1000 < threshold) return;
    add(fast ? "fast-command" : "command", micros / 1000);
  }

  private synchronized void add(String event, long latency) {
    Series s = events.computeIfAbsent(event, k -> new Series());
    long now = System.currentTimeMillis() / 1000;
    int prev = (s.next + SAMPLES - 1) % SAMPLES;
    if (s.times[prev] == now) { // a second keeps its worst sample
      s.latencies[prev] = Math.max(s.latencies[prev], latency);
    } else {
      s.times[s.next] = now;
      s.latencies[s.next] = latency;
      s.next = (s.next + 1) % SAMPLES;
    }
    s.max = Math.max(s.max, latency);
  }

  public synchronized List<Latest> latest() {
    List<Latest> out = new ArrayList<>();
    for (Map.Entry<String, Series> e : events.entrySet()) {
      Series s = e.getValue();
      int last = (s.next + SAMPLES - 1) % SAMPLES;
      out.add(new Latest(e.getKey(), s.times[last], s.latencies[last], s.max));
    }
    return out;
  }

  /** An event's samples, oldest first; empty for an event never seen. */
  public synchronized List<Sample> history(String event) {
    Series s = events.get(event);
    List<Sample> out = new ArrayList<>();
    if (s == null) return out;
    for (int i = 0; i < SAMPLES; i++) {
      int j = (s.next + i) % SAMPLES;
      if (s.times[j] != 0) out.add(new Sample(s.times[j], s.latencies[j]));
    }
    return out;
  }

  /** Forgets the named events (all when none are named); how many there were to forget. */
  public synchronized int reset(List<String> names) {
    if (names.isEmpty()) {
      int n = events.size();
      events.clear();
      return n;
    }
    int n = 0;
    for (String name : names) if (events.remove(name) != null) n++;
    return n;
  }
}
