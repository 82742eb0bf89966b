package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long FCALL holds every shard on a worker thread like EVAL does: past busy-reply-threshold
 * other clients get the function flavour of -BUSY, FUNCTION STATS shows the running function,
 * FUNCTION KILL stops one that has not written, and each KILL refuses the other kind with its
 * BUSY text. Texts as redis-server 7.0.15 sends them (checked by hand with busy-reply-threshold 100).
 */
class BusyFunctionTest {
  @RegisterExtension
  static final RedlineInstance redline = new RedlineInstance("--busy-reply-threshold", "100");

  private static final String BUSY_FUNCTION = "-BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n";
  private static final String BUSY_SCRIPT = "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n";
  private static final String UNKILLABLE = "-UNKILLABLE Sorry the script already executed write commands against the dataset. You can either "
      + "wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.\r\n";

  @BeforeAll
  static void loadLibrary() throws Exception {
    try (RawClient c = redline.connect()) {
      c.callText("FUNCTION", "FLUSH");
      assertEquals("$4\r\nbusy\r\n", c.callText("FUNCTION", "LOAD", "#!lua name=busy\n"
          + "redis.register_function{function_name='spin', callback=function(keys, args) local i = 0 while true do i = i + 1 end end, flags={'no-writes'}}\n"
          + "redis.register_function('wspin', function(keys, args) redis.call('set', keys[1], 'v') local s = tonumber(redis.call('time')[1]) "
          + "while tonumber(redis.call('time')[1]) - s < 2 do end return 1 end)\n"
          + "redis.register_function('quick', function(keys, args) return 'done' end)"));
    }
  }

  /** PING until the server answers {@code busy} (it must, once the run passed the threshold). */
  private static void awaitBusy(RawClient c, String busy) throws Exception {
    for (int i = 0; i < 500; i++) {
      String r = c.callText("PING");
      if (r.equals(busy)) return;
      assertEquals("+PONG\r\n", r); // before the threshold the PING waits behind the run, then answers
      Thread.sleep(10);
    }
    throw new AssertionError("never answered -BUSY while a function looped");
  }

  private static String text(RespReply r) { return new String(r.payload, StandardCharsets.UTF_8); }

  @Test
  void loopingReadOnlyFunctionIsBusyShownByStatsThenKilled() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      runner.send("FCALL_RO", "spin", "1", "somekey", "an-arg");
      awaitBusy(other, BUSY_FUNCTION);
      assertEquals(BUSY_FUNCTION, other.callText("GET", "k"));
      assertEquals(BUSY_FUNCTION, other.callText("FUNCTION", "LIST"));
      assertEquals(BUSY_FUNCTION, other.callText("SCRIPT", "KILL")); // a function is FUNCTION KILL's to stop

      RespReply stats = other.callParsed("FUNCTION", "STATS");
      assertEquals("running_script", text(stats.elements.get(0)));
      List<RespReply> running = stats.elements.get(1).elements;
      assertEquals("name", text(running.get(0)));
      assertEquals("spin", text(running.get(1)));
      assertEquals("command", text(running.get(2)));
      assertEquals(List.of("FCALL_RO", "spin", "1", "somekey", "an-arg"), running.get(3).elements.stream().map(BusyFunctionTest::text).toList());
      assertEquals("duration_ms", text(running.get(4)));
      assertTrue(running.get(5).integer() >= 100, "ran past the threshold: " + running.get(5).integer());
      assertEquals("*4\r\n$15\r\nlibraries_count\r\n:1\r\n$15\r\nfunctions_count\r\n:3\r\n", new String(stats.elements.get(3).elements.get(1).raw, StandardCharsets.UTF_8));

      assertEquals("+OK\r\n", other.callText("FUNCTION", "KILL"));
      assertEquals("-ERR Script killed by user with SCRIPT KILL... script: spin, on @user_function:2.\r\n",
          new String(runner.readRaw(), StandardCharsets.UTF_8));
      assertEquals("+PONG\r\n", other.callText("PING"));
      assertEquals("-NOTBUSY No scripts in execution right now.\r\n", other.callText("FUNCTION", "KILL"));
      assertEquals("$-1\r\n", new String(other.callParsed("FUNCTION", "STATS").elements.get(1).raw, StandardCharsets.UTF_8));
      assertEquals("$4\r\ndone\r\n", runner.callText("FCALL", "quick", "0")); // the engine still serves
    }
  }

  @Test
  void functionThatWroteIsUnkillableAndFinishes() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      runner.send("FCALL", "wspin", "1", "busyfn:wrote");
      awaitBusy(other, BUSY_FUNCTION);
      assertEquals(UNKILLABLE, other.callText("FUNCTION", "KILL"));
      assertEquals(UNKILLABLE, other.callText("SCRIPT", "KILL")); // "wrote" is checked before the kind
      assertEquals(":1\r\n", new String(runner.readRaw(), StandardCharsets.UTF_8));
      assertEquals("$1\r\nv\r\n", other.callText("GET", "busyfn:wrote"));
    }
  }

  @Test
  void evalIsNotFunctionKillsToStop() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      runner.send("EVAL", "while true do end", "0");
      awaitBusy(other, BUSY_SCRIPT);
      assertEquals(BUSY_SCRIPT, other.callText("FUNCTION", "KILL"));
      assertEquals(BUSY_SCRIPT, other.callText("FUNCTION", "STATS"));
      assertEquals("+OK\r\n", other.callText("SCRIPT", "KILL"));
      assertTrue(new String(runner.readRaw(), StandardCharsets.UTF_8).startsWith("-ERR Script killed by user with SCRIPT KILL... script: "));
    }
  }

  @Test
  void evalThatWroteIsUnkillableForFunctionKillToo() throws Exception {
    try (RawClient runner = redline.connect(); RawClient other = redline.connect()) {
      runner.readTimeout(30_000);
      runner.send("EVAL", "redis.call('set', KEYS[1], 'v') local s = tonumber(redis.call('time')[1]) "
          + "while tonumber(redis.call('time')[1]) - s < 2 do end return 2", "1", "busyeval:wrote");
      awaitBusy(other, BUSY_SCRIPT);
      assertEquals(UNKILLABLE, other.callText("FUNCTION", "KILL"));
      assertEquals(":2\r\n", new String(runner.readRaw(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void libraryCodeThatLoopsTimesOutAtLoad() throws Exception {
    try (RawClient c = redline.connect()) {
      assertEquals("-ERR Error registering functions: ERR FUNCTION LOAD timeout\r\n",
          c.callText("FUNCTION", "LOAD", "#!lua name=forever\nwhile true do end"));
      assertEquals("-ERR Error registering functions: ERR FUNCTION LOAD timeout\r\n",
          c.callText("FUNCTION", "LOAD", "#!lua name=forever\nlocal ok = true while ok do ok = true end"));
      assertEquals("*0\r\n", c.callText("FUNCTION", "LIST", "LIBRARYNAME", "forever"));
    }
  }

  @Test
  void ownPipelinedStatsAndKillComeAfterTheFunction() throws Exception {
    // In Redis a client's next command runs after its FCALL: nothing is running any more then.
    try (RawClient c = redline.connect()) {
      c.send("FCALL", "quick", "0");
      c.send("FUNCTION", "KILL");
      assertEquals("$4\r\ndone\r\n", new String(c.readRaw(), StandardCharsets.UTF_8));
      assertEquals("-NOTBUSY No scripts in execution right now.\r\n", new String(c.readRaw(), StandardCharsets.UTF_8));
    }
  }
}
