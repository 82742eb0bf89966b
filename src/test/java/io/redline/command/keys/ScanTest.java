package io.redline.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SCAN over TCP against a 4-shard Redline: the guarantees a full iteration gives (every key
 * present throughout is returned; nothing returned that was never there; the cursor starts and
 * ends at 0), MATCH and TYPE filters, expired keys, and keys added or removed mid-scan, including
 * enough of them to make the tables grow and shrink between calls. Cursor values are Redline's
 * own (they name a shard), so these properties, not replies, are compared with Redis.
 */
class ScanTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static final int PIPELINE_BATCH = 50;

  private RawClient c;

  @BeforeEach
  void connect() throws IOException {
    c = REDLINE.connect();
    assertEquals("+OK\r\n", c.callText("FLUSHALL"));
  }

  @AfterEach
  void close() {
    c.close();
  }

  @Test
  void fullIterationReturnsEveryKeyForAnyCount() throws IOException {
    Set<String> keys = names("k:", 0, 3000);
    setAll(keys);
    for (String count : new String[] {"1", "7", "10", "100", "100000"}) {
      Scanned s = scanAll("COUNT", count);
      assertEquals(keys, s.keys, "COUNT " + count);
      assertTrue(s.calls > 1, "4 shards need at least 4 calls");
    }
    assertEquals(keys, scanAll().keys);
  }

  @Test
  void emptyKeyspaceEndsAtZero() throws IOException {
    Scanned s = scanAll();
    assertTrue(s.keys.isEmpty());
    assertTrue(s.calls <= 4, "one call per shard at most, got " + s.calls);
  }

  @Test
  void matchAndTypeFilter() throws IOException {
    Set<String> users = names("user:", 0, 500);
    Set<String> orders = names("order:", 0, 500);
    setAll(users);
    setAll(orders);
    assertEquals(users, scanAll("MATCH", "user:*").keys);
    assertEquals(orders, scanAll("MATCH", "order:*", "COUNT", "3").keys);
    assertEquals(Set.of("user:7", "order:7"), scanAll("MATCH", "*:7").keys);
    assertEquals(Set.of(), scanAll("MATCH", "nothing*").keys);
    Set<String> all = new HashSet<>(users);
    all.addAll(orders);
    assertEquals(all, scanAll("TYPE", "string").keys);
    assertEquals(all, scanAll("TYPE", "STRING", "MATCH", "*").keys);
    assertEquals(Set.of(), scanAll("TYPE", "hash").keys);
    assertEquals(Set.of(), scanAll("TYPE", "nosuchtype").keys);
    assertEquals(users, scanAll("TYPE", "string", "MATCH", "user:*", "COUNT", "50").keys);
  }

  @Test
  void expiredKeysAreNeverReturned() throws IOException, InterruptedException {
    Set<String> live = names("live:", 0, 300);
    setAll(live);
    List<String[]> expiring = new ArrayList<>();
    for (int i = 0; i < 300; i++) expiring.add(new String[] {"SET", "gone:" + i, "v", "PX", "1"});
    pipeline(expiring);
    Thread.sleep(20);
    assertEquals(live, scanAll("COUNT", "5").keys);
    assertEquals(live, scanAll("TYPE", "string").keys);
  }

  /**
   * Keys present for the whole scan must all come back, whatever happens to the others: half the
   * "doomed" keys are deleted and thousands of new keys added while the scan is under way, which
   * makes every shard's table double (and later, halve) between calls.
   */
  @Test
  void keysAddedAndRemovedDuringTheScan() throws IOException {
    Set<String> stable = names("stable:", 0, 1000);
    Set<String> doomed = names("doomed:", 0, 1000);
    setAll(stable);
    setAll(doomed);
    Set<String> everExisted = new HashSet<>(stable);
    everExisted.addAll(doomed);

    Set<String> seen = new HashSet<>();
    long cursor = 0;
    int call = 0;
    do {
      RespReply r = c.callParsed("SCAN", Long.toUnsignedString(cursor), "COUNT", "20");
      cursor = Long.parseUnsignedLong(r.elements.get(0).text());
      for (RespReply k : r.elements.get(1).elements) seen.add(k.text());
      call++;
      if (call == 3) {
        Set<String> added = names("new:", 0, 8000); // grows every table several times
        setAll(added);
        everExisted.addAll(added);
      } else if (call == 10) {
        List<String[]> dels = new ArrayList<>();
        for (int i = 0; i < 1000; i += 2) dels.add(new String[] {"DEL", "doomed:" + i});
        pipeline(dels);
      } else if (call == 20) {
        List<String[]> dels = new ArrayList<>();
        for (int i = 0; i < 8000; i++) dels.add(new String[] {"DEL", "new:" + i});
        pipeline(dels); // shrinks the tables again
      }
    } while (cursor != 0);
    assertTrue(call > 20, "the scan should outlast the changes, took " + call + " calls");
    assertTrue(seen.containsAll(stable), "missing " + missing(stable, seen));
    for (int i = 1; i < 1000; i += 2) assertTrue(seen.contains("doomed:" + i), "doomed:" + i + " was never deleted");
    assertTrue(everExisted.containsAll(seen), "returned keys that never existed");
  }

  @Test
  void cursorsAreUnsignedAndForeignOnesEndTheScan() throws IOException {
    setAll(names("x", 0, 50));
    RespReply r = c.callParsed("SCAN", "18446744073709551615");
    assertEquals("0", r.elements.get(0).text());
    assertEquals(0, r.elements.get(1).elements.size());
    r = c.callParsed("SCAN", String.valueOf(1000L << 32)); // a shard this server does not have
    assertEquals("0", r.elements.get(0).text());
    assertEquals("-ERR invalid cursor\r\n", c.callText("SCAN", "abc"));
    assertEquals("-ERR invalid cursor\r\n", c.callText("SCAN", "18446744073709551616"));
    assertEquals("-ERR syntax error\r\n", c.callText("SCAN", "0", "COUNT", "0"));
  }

  // ------------------------------------------------------------------ helpers

  private record Scanned(Set<String> keys, int calls) {}

  private Scanned scanAll(String... options) throws IOException {
    Set<String> keys = new HashSet<>();
    long cursor = 0;
    int calls = 0;
    do {
      String[] cmd = new String[2 + options.length];
      cmd[0] = "SCAN";
      cmd[1] = Long.toUnsignedString(cursor);
      System.arraycopy(options, 0, cmd, 2, options.length);
      RespReply r = c.callParsed(cmd);
      assertEquals('*', r.type, r.toString());
      assertEquals(2, r.elements.size());
      cursor = Long.parseUnsignedLong(r.elements.get(0).text());
      for (RespReply k : r.elements.get(1).elements) keys.add(k.text());
      calls++;
      assertTrue(calls < 1_000_000, "the scan does not end");
    } while (cursor != 0);
    return new Scanned(keys, calls);
  }

  private static Set<String> names(String prefix, int from, int to) {
    Set<String> s = new HashSet<>();
    for (int i = from; i < to; i++) s.add(prefix + i);
    return s;
  }

  private void setAll(Set<String> keys) throws IOException {
    List<String[]> cmds = new ArrayList<>();
    for (String k : keys) cmds.add(new String[] {"SET", k, "v"});
    pipeline(cmds);
  }

  /** Sends the commands pipelined, a batch per write as a client library would, and checks that none failed. */
  private void pipeline(List<String[]> cmds) throws IOException {
    for (int from = 0; from < cmds.size(); from += PIPELINE_BATCH) {
      List<String[]> batch = cmds.subList(from, Math.min(cmds.size(), from + PIPELINE_BATCH));
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (String[] cmd : batch) b.writeBytes(RawClient.encode(cmd));
      c.sendRaw(b.toByteArray());
      for (String[] cmd : batch) {
        RespReply r = c.readReply();
        assertTrue(!r.isError(), String.join(" ", cmd) + " -> " + r);
      }
    }
  }

  private static Set<String> missing(Set<String> expected, Set<String> seen) {
    Set<String> m = new HashSet<>(expected);
    m.removeAll(seen);
    return m;
  }
}
