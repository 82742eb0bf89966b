package io.redline.server;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All connected clients, for CLIENT LIST / KILL and INFO clients. Each client's own fields belong
 * to its loop; readers on other loops see a snapshot good enough for listing.
 */
public final class ClientRegistry {
  private final AtomicLong nextId = new AtomicLong();
  private final ConcurrentHashMap<Long, ClientConnection> byId = new ConcurrentHashMap<>();
  /** CLIENT PAUSE: until when (ms), and whether only writes are paused. */
  private volatile long pausedUntil;
  private volatile boolean pauseWritesOnly;
  /** Clients holding a paused command: CLIENT UNPAUSE wakes them on their own loops. */
  private final java.util.Set<ClientConnection> awaitingUnpause = ConcurrentHashMap.newKeySet();

  long newId() { return nextId.incrementAndGet(); }
  void add(ClientConnection c) { byId.put(c.id(), c); }
  void remove(ClientConnection c) { byId.remove(c.id()); }
  public int count() { return byId.size(); }
  public Collection<ClientConnection> all() { return byId.values(); }
  public ClientConnection get(long id) { return byId.get(id); }

  /**
   * CLIENT PAUSE. While a pause is in force a new one can only extend it and make it stricter
   * (ALL over WRITE), as in Redis; once it has ended the new one replaces it.
   */
  public synchronized void pause(long untilMillis, boolean writesOnly) {
    long now = System.currentTimeMillis();
    if (pausedUntil != 0 && now < pausedUntil) {
      pauseWritesOnly = pauseWritesOnly && writesOnly;
      pausedUntil = Math.max(pausedUntil, untilMillis);
    } else {
      pauseWritesOnly = writesOnly;
      pausedUntil = untilMillis;
    }
  }

  public synchronized void unpause() {
    pausedUntil = 0;
    for (ClientConnection c : awaitingUnpause) c.home().controlOrRun(c::resumeHeld);
  }

  void awaitUnpause(ClientConnection c) { awaitingUnpause.add(c); }
  void stopAwaiting(ClientConnection c) { awaitingUnpause.remove(c); }

  /** Whether a command with these properties must wait for CLIENT UNPAUSE / the pause deadline. */
  public boolean pausedFor(boolean isWrite) {
    long until = pausedUntil;
    if (until == 0 || System.currentTimeMillis() >= until) return false;
    return !pauseWritesOnly || isWrite;
  }

  public long pausedUntil() { return pausedUntil; }
}
