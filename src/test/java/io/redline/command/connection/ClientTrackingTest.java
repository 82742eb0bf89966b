package io.redline.command.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CLIENT TRACKING over TCP, with the bytes redis-server 7.0.15 sends in the same steps
 * (docs/tracking.md): invalidations as RESP3 pushes, after the writer's own reply, once per
 * remembered read; FLUSHALL's null invalidation; expiry; REDIRECT to a RESP2 subscriber of
 * __redis__:invalidate; BCAST with prefixes and NOLOOP (one message per command); OPTIN with
 * CLIENT CACHING YES; a broken redirect.
 */
class ClientTrackingTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  private static final String PUSH = ">2\r\n$10\r\ninvalidate\r\n";

  private static RawClient resp3() throws Exception {
    RawClient c = redline.connect();
    c.call("HELLO", "3");
    return c;
  }

  private static String next(RawClient c) throws Exception {
    c.readTimeout(5_000);
    return new String(c.readRaw());
  }

  private static void nothingMore(RawClient c) throws Exception {
    assertEquals("", new String(c.drain(200)));
  }

  @Test
  void defaultModeInvalidatesWhatWasRead() throws Exception {
    try (RawClient a = resp3(); RawClient b = redline.connect()) {
      assertEquals("+OK\r\n", a.callText("CLIENT", "TRACKING", "on"));
      assertEquals("_\r\n", a.callText("GET", "trk:a"));
      assertEquals("*2\r\n_\r\n_\r\n", a.callText("MGET", "trk:a", "trk:b"));
      b.call("SET", "trk:a", "1");
      assertEquals(PUSH + "*1\r\n$5\r\ntrk:a\r\n", next(a));
      b.call("SET", "trk:a", "2");
      nothingMore(a); // forgotten once invalidated, until read again
      a.call("GET", "trk:a");
      a.send("SET", "trk:a", "3");
      assertEquals("+OK\r\n", next(a)); // the writer's own reply comes first
      assertEquals(PUSH + "*1\r\n$5\r\ntrk:a\r\n", next(a));
      a.call("GET", "trk:b");
      b.call("FLUSHALL");
      assertEquals(PUSH + "_\r\n", next(a));
      a.call("GET", "trk:ex");
      b.call("SET", "trk:ex", "1", "PX", "100");
      assertEquals(PUSH + "*1\r\n$6\r\ntrk:ex\r\n", next(a));
      a.call("GET", "trk:ex");
      Thread.sleep(300);
      b.call("GET", "trk:ex"); // expires it
      assertEquals(PUSH + "*1\r\n$6\r\ntrk:ex\r\n", next(a));
      assertEquals("+OK\r\n", a.callText("CLIENT", "TRACKING", "off"));
    }
  }

  @Test
  void redirectToAResp2Subscriber() throws Exception {
    try (RawClient sub = redline.connect(); RawClient tracked = redline.connect(); RawClient w = redline.connect()) {
      String id = sub.callText("CLIENT", "ID").substring(1).trim();
      sub.call("SUBSCRIBE", "__redis__:invalidate");
      assertEquals("+OK\r\n", tracked.callText("CLIENT", "TRACKING", "on", "REDIRECT", id));
      assertEquals(":" + id + "\r\n", tracked.callText("CLIENT", "GETREDIR"));
      tracked.call("GET", "trk:r");
      w.call("SET", "trk:r", "1");
      assertEquals("*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n*1\r\n$5\r\ntrk:r\r\n", next(sub));
      nothingMore(tracked);
    }
  }

  @Test
  void broadcastOptInAndBrokenRedirect() throws Exception {
    try (RawClient e = resp3(); RawClient f = resp3(); RawClient w = redline.connect()) {
      assertEquals("+OK\r\n", e.callText("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "bc:", "NOLOOP"));
      w.call("MSET", "bc:2", "a", "bc:3", "b", "other", "1");
      assertEquals(PUSH + "*2\r\n$4\r\nbc:2\r\n$4\r\nbc:3\r\n", next(e));
      assertEquals("+OK\r\n", e.callText("SET", "bc:4", "x"));
      nothingMore(e); // NOLOOP
      assertEquals("%3\r\n$5\r\nflags\r\n~3\r\n$2\r\non\r\n$5\r\nbcast\r\n$6\r\nnoloop\r\n$8\r\nredirect\r\n:0\r\n"
          + "$8\r\nprefixes\r\n*1\r\n$3\r\nbc:\r\n", e.callText("CLIENT", "TRACKINGINFO"));

      f.call("CLIENT", "TRACKING", "on", "OPTIN");
      f.call("GET", "opt:1");
      assertEquals("+OK\r\n", f.callText("CLIENT", "CACHING", "yes"));
      f.call("GET", "opt:2");
      f.call("GET", "opt:3");
      w.call("MSET", "opt:1", "1", "opt:2", "2", "opt:3", "3");
      assertEquals(PUSH + "*1\r\n$5\r\nopt:2\r\n", next(f)); // only the read right after CACHING YES
      nothingMore(f);
    }
    try (RawClient d = resp3(); RawClient gone = redline.connect(); RawClient w = redline.connect()) {
      String id = gone.callText("CLIENT", "ID").substring(1).trim();
      d.call("CLIENT", "TRACKING", "on", "REDIRECT", id);
      d.call("GET", "trk:br");
      gone.close();
      Thread.sleep(200);
      w.call("SET", "trk:br", "1");
      assertEquals(">2\r\n$21\r\ntracking-redir-broken\r\n:" + id + "\r\n", next(d));
      assertEquals("%3\r\n$5\r\nflags\r\n~2\r\n$2\r\non\r\n$15\r\nbroken_redirect\r\n$8\r\nredirect\r\n:" + id + "\r\n"
          + "$8\r\nprefixes\r\n*0\r\n", d.callText("CLIENT", "TRACKINGINFO"));
    }
  }
}
