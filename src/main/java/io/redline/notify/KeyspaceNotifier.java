package io.redline.notify;

import io.redline.store.Database;
import java.nio.charset.StandardCharsets;

/**
 * Keyspace notifications (notify-keyspace-events), as Redis's notifyKeyspaceEvent: an event of an
 * enabled class is published on {@code __keyspace@<db>__:<key>} (message: the event name) when K
 * is set and on {@code __keyevent@<db>__:<event>} (message: the key) when E is set, in that order.
 *
 * <p>Commands fire events through {@code CommandContext.keyEvent}, on whatever thread runs them;
 * expiries and key misses arrive as {@link Database.KeyEvents} from the shard that saw them. The
 * flags are one volatile int, so with notifications off (the default) an event costs one read
 * and a compare, and the key is not even copied.
 */
public final class KeyspaceNotifier implements Database.KeyEvents {
  private static final byte[] KEYSPACE_PREFIX = "__keyspace@".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEYEVENT_PREFIX = "__keyevent@".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREFIX_END = "__:".getBytes(StandardCharsets.US_ASCII);

  private volatile int flags;
  private volatile NotificationSink sink = NotificationSink.NONE;

  public KeyspaceNotifier(int flags) {
    this.flags = flags;
  }

  /** Applies a new notify-keyspace-events value (its {@link NotifyFlags} bits). */
  public void flags(int flags) { this.flags = flags; }

  public int flags() { return flags; }

  /** Where events go from now on (the pub/sub hub, once it is up). */
  public void sink(NotificationSink sink) { this.sink = sink == null ? NotificationSink.NONE : sink; }

  /** Whether an event of this class would be published: check before copying a key for {@link #publish}. */
  public boolean wants(KeyEvent event) { return (flags & event.type()) != 0; }

  /** Publishes {@code event} for {@code key} of database {@code db}, if its class is enabled. */
  public void publish(KeyEvent event, byte[] key, int db) {
    int f = flags;
    if ((f & event.type()) != 0) send(f, event, key, db); // kept tiny so the check inlines into callers
  }

  private void send(int f, KeyEvent event, byte[] key, int db) {
    NotificationSink s = sink;
    byte[] dbDigits = null;
    if ((f & NotifyFlags.KEYSPACE) != 0) {
      dbDigits = digits(db);
      s.publish(channel(KEYSPACE_PREFIX, dbDigits, key), event.nameBytes());
    }
    if ((f & NotifyFlags.KEYEVENT) != 0) {
      if (dbDigits == null) dbDigits = digits(db);
      s.publish(channel(KEYEVENT_PREFIX, dbDigits, event.nameBytes()), key);
    }
  }

  /** A key removed to free memory (maxmemory): the hook eviction will call. */
  public void evicted(byte[] key, int db) { publish(KeyEvent.EVICTED, key, db); }

  // ---- from the shards' databases -----------------------------------------------------------

  @Override
  public void expired(Database db, byte[] key) { publish(KeyEvent.EXPIRED, key, db.index()); }

  @Override
  public void missed(Database db, byte[] buf, int off, int len) {
    if ((flags & NotifyFlags.KEY_MISS) == 0) return;
    publish(KeyEvent.KEYMISS, java.util.Arrays.copyOfRange(buf, off, off + len), db.index());
  }

  private static byte[] digits(int db) {
    return Integer.toString(db).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] channel(byte[] prefix, byte[] db, byte[] suffix) {
    byte[] c = new byte[prefix.length + db.length + PREFIX_END.length + suffix.length];
    System.arraycopy(prefix, 0, c, 0, prefix.length);
    System.arraycopy(db, 0, c, prefix.length, db.length);
    System.arraycopy(PREFIX_END, 0, c, prefix.length + db.length, PREFIX_END.length);
    System.arraycopy(suffix, 0, c, prefix.length + db.length + PREFIX_END.length, suffix.length);
    return c;
  }
}
