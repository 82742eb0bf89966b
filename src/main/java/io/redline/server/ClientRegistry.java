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

  long newId() { return nextId.incrementAndGet(); }
  void add(ClientConnection c) { byId.put(c.id(), c); }
  void remove(ClientConnection c) { byId.remove(c.id()); }
  public int count() { return byId.size(); }
  public Collection<ClientConnection> all() { return byId.values(); }
  public ClientConnection get(long id) { return byId.get(id); }

  public void pause(long untilMillis, boolean writesOnly) {
    pauseWritesOnly = writesOnly;
    pausedUntil = untilMillis;
  }

  public void unpause() { pausedUntil = 0; }

  /** Whether a command with these properties must wait for CLIENT UNPAUSE / the pause deadline. */
  public boolean pausedFor(boolean isWrite) {
    long until = pausedUntil;
    if (until == 0 || System.currentTimeMillis() >= until) return false;
    return !pauseWritesOnly || isWrite;
  }

  public long pausedUntil() { return pausedUntil; }
}
