package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long script holds every shard on a worker thread: past busy-reply-threshold other clients get
 * -BUSY (the loops stay free to say so), SCRIPT KILL stops a script that has not written, and one
 * that has written is UNKILLABLE. Texts as Redis 7.0 sends them.
 */
class BusyScriptTest {
  @RegisterExtension
  static final RedlineInstance redline = new RedlineInstance("--busy-reply-threshold", "100");

  private static final String BUSY = "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n";

  /** PING until the server answers -BUSY (it must, once the script passed the threshold). */
  private static void awaitBusy(RawClient c) throws Exception {
    for (int i = 0; i < 500; i++) {
      String r = c.callText("PING");
      if (r.equals(BUSY)) return;
      assertEquals("+PONG\r\n", r); // before the threshold the PING waits behind the script, then answers
      Thread.sleep(10);
    }
    throw new AssertionError("never answered -BUSY while a script looped");
  }

  @Test
  void loopingReadOnlyScriptIsBusyThenKilled() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      runner.send("EVAL", "local i = 0 while true do i = i + 1 end", "0");
      awaitBusy(other);
      assertEquals(BUSY, other.callText("GET", "k"));
      assertEquals("+OK\r\n", other.callText("SCRIPT", "KILL"));
      String killed = new String(runner.readRaw(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(killed.startsWith("-ERR Script killed by user with SCRIPT KILL... script: "), killed);
      assertTrue(killed.endsWith(", on @user_script:1.\r\n"), killed);
      assertEquals("+PONG\r\n", other.callText("PING"));
      assertEquals("-NOTBUSY No scripts in execution right now.\r\n", other.callText("SCRIPT", "KILL"));
      assertEquals(":7\r\n", runner.callText("EVAL", "return 7", "0")); // the engine still serves
    }
  }

  @Test
  void scriptThatWroteIsUnkillableAndFinishes() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      // Runs about two seconds (TIME has one-second resolution here), after a write.
      runner.send("EVAL", "redis.call('set', KEYS[1], 'v') local s = tonumber(redis.call('time')[1]) "
          + "while tonumber(redis.call('time')[1]) - s < 2 do end return 1", "1", "busy:wrote");
      awaitBusy(other);
      assertEquals("-UNKILLABLE Sorry the script already executed write commands against the dataset. You can either "
          + "wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.\r\n",
          other.callText("SCRIPT", "KILL"));
      assertEquals(":1\r\n", new String(runner.readRaw(), java.nio.charset.StandardCharsets.UTF_8)); // its own reply, once it finished
      assertEquals("$1\r\nv\r\n", other.callText("GET", "busy:wrote"));
    }
  }

  @Test
  void callersPipelinedCommandsWaitForItsScript() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      runner.send("EVAL", "local s = tonumber(redis.call('time')[1]) while tonumber(redis.call('time')[1]) - s < 1 do end return 1", "0");
      awaitBusy(other);
      runner.send("PING"); // sent while the server is busy: the caller waits for its script, never -BUSY
      assertEquals(":1\r\n", new String(runner.readRaw(), java.nio.charset.StandardCharsets.UTF_8));
      assertEquals("+PONG\r\n", new String(runner.readRaw(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void busyRejectionAbortsATransaction() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect(); RawClient killer = redline.connect()) {
      runner.readTimeout(30_000);
      assertEquals("+OK\r\n", other.callText("MULTI"));
      runner.send("EVAL", "while true do end", "0");
      awaitBusyInMulti(other);
      assertEquals("+OK\r\n", killer.callText("SCRIPT", "KILL")); // inside MULTI it would be queued, as in Redis
      runner.readRaw();
      assertEquals("-EXECABORT Transaction discarded because of previous errors.\r\n", other.callText("EXEC"));
    }
  }

  private static void awaitBusyInMulti(RawClient c) throws Exception {
    for (int i = 0; i < 500; i++) {
      String r = c.callText("SET", "t", "1");
      if (r.equals(BUSY)) return;
      assertEquals("+QUEUED\r\n", r);
      Thread.sleep(10);
    }
    throw new AssertionError("never answered -BUSY while a script looped");
  }
}
