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
