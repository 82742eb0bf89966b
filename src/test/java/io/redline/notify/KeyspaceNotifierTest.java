package io.redline.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the notifier publishes, on which channels, in which order, for which flags. */
class KeyspaceNotifierTest {
  /** Records publications as "channel -> message" (ISO-8859-1, so any byte survives). */
  private static final class Recorder implements NotificationSink {
    final List<String> published = new ArrayList<>();

    @Override
    public void publish(byte[] channel, byte[] message) {
      published.add(text(channel) + " -> " + text(message));
    }
  }

  private static String text(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

  private static KeyspaceNotifier notifier(String flags, Recorder r) {
    KeyspaceNotifier n = new KeyspaceNotifier(NotifyFlags.parse(flags));
    n.sink(r);
    return n;
  }

  @Test
  void keyspaceChannelFirstThenKeyevent() {
    Recorder r = new Recorder();
    notifier("KEA", r).publish(KeyEvent.SET, bytes("user:1"), 0);
    assertEquals(List.of("__keyspace@0__:user:1 -> set", "__keyevent@0__:set -> user:1"), r.published);
  }

  @Test
  void kOrEAloneChoosesTheChannel() {
    Recorder k = new Recorder();
    notifier("K$", k).publish(KeyEvent.APPEND, bytes("a"), 3);
    assertEquals(List.of("__keyspace@3__:a -> append"), k.published);
    Recorder e = new Recorder();
    notifier("E$", e).publish(KeyEvent.APPEND, bytes("a"), 12);
    assertEquals(List.of("__keyevent@12__:append -> a"), e.published);
  }

  @Test
  void onlyEnabledClassesArePublished() {
    Recorder r = new Recorder();
    KeyspaceNotifier n = notifier("Egx", r);
    n.publish(KeyEvent.SET, bytes("k"), 0);          // $ is off
    n.publish(KeyEvent.LPUSH, bytes("k"), 0);        // l is off
    n.publish(KeyEvent.NEW, bytes("k"), 0);          // n is never in A or g
    n.publish(KeyEvent.DEL, bytes("k"), 0);
    n.publish(KeyEvent.EXPIRED, bytes("k"), 0);
    assertEquals(List.of("__keyevent@0__:del -> k", "__keyevent@0__:expired -> k"), r.published);
    assertTrue(n.wants(KeyEvent.DEL));
    assertFalse(n.wants(KeyEvent.SET));
  }

  @Test
  void classesWithoutAChannelPublishNothing() {
    Recorder r = new Recorder();
    notifier("A", r).publish(KeyEvent.DEL, bytes("k"), 0);
    notifier("", r).publish(KeyEvent.DEL, bytes("k"), 0);
    assertEquals(List.of(), r.published);
  }

  @Test
  void flagsChangeAtOnce() {
    Recorder r = new Recorder();
    KeyspaceNotifier n = notifier("", r);
    n.publish(KeyEvent.DEL, bytes("k"), 0);
    n.flags(NotifyFlags.parse("Eg"));
    n.publish(KeyEvent.DEL, bytes("k"), 0);
    n.flags(0);
    n.publish(KeyEvent.DEL, bytes("k"), 0);
    assertEquals(List.of("__keyevent@0__:del -> k"), r.published);
  }

  @Test
  void keysAreBinarySafe() {
    Recorder r = new Recorder();
    byte[] key = {0, (byte) 0xff, '\r', '\n', ' ', 'x'};
    notifier("KEA", r).publish(KeyEvent.DEL, key, 0);
    assertEquals(List.of("__keyspace@0__:" + text(key) + " -> del", "__keyevent@0__:del -> " + text(key)), r.published);
  }

  @Test
  void expiriesAndMissesComeFromTheDatabases() {
    Recorder r = new Recorder();
    KeyspaceNotifier n = notifier("Exm", r);
    Database db = new Database(5, n);
    n.expired(db, bytes("gone"));
    byte[] buffer = bytes("*2\r\n$3\r\nGET\r\n$4\r\nnone\r\n");
    n.missed(db, buffer, 17, 4); // the key is a slice of the request buffer
    n.evicted(bytes("big"), 5);  // e is off
    assertEquals(List.of("__keyevent@5__:expired -> gone", "__keyevent@5__:keymiss -> none"), r.published);
  }

  @Test
  void aDatabaseLookupThatMissesFiresKeymissOncePerMiss() {
    Recorder r = new Recorder();
    KeyspaceNotifier n = notifier("Em", r);
    Database db = new Database(0, n);
    db.add(bytes("here"), bytes("v"));
    db.lookupRead(bytes("here"), 0, 4, 0);
    db.lookupRead(bytes("none"), 0, 4, 0);
    db.lookupReadNoNotify(bytes("none"), 0, 4, 0); // OBJECT's lookup
    db.lookup(bytes("none"), 0);                   // a write's lookup
    assertEquals(List.of("__keyevent@0__:keymiss -> none"), r.published);
    assertEquals(2, db.misses());
  }

  @Test
  void eventsHaveOneClass() {
    assertThrows(IllegalArgumentException.class, () -> KeyEvent.of(NotifyFlags.KEYSPACE, "x"));
    assertThrows(IllegalArgumentException.class, () -> KeyEvent.of(NotifyFlags.GENERIC | NotifyFlags.STRING, "x"));
    KeyEvent xadd = KeyEvent.of(NotifyFlags.STREAM, "xadd");
    Recorder r = new Recorder();
    notifier("Et", r).publish(xadd, bytes("s"), 0);
    assertEquals(List.of("__keyevent@0__:xadd -> s"), r.published);
  }
}
