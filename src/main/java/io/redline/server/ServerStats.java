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
