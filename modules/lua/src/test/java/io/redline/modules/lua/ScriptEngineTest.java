// Engine checks that need no redis-server: kill hook, caching, conversions, sandbox.
package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redline.protocol.ReplyWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ScriptEngineTest {
  private static final byte[][] NONE = new byte[0][];

  private static String resp(ScriptReply r, int version) {
    ByteBuf buf = Unpooled.buffer();
    ReplyEncoder.write(r, new ReplyWriter(buf, version));
    return buf.toString(StandardCharsets.ISO_8859_1);
  }

  private static String eval(ScriptEngine e, String script) {
    return resp(e.eval(script.getBytes(StandardCharsets.UTF_8), NONE, NONE), 2);
  }

  @Test
  void killStopsAnInfiniteLoopEvenUnderPcall() {
    AtomicBoolean kill = new AtomicBoolean();
    ScriptEngine e = new ScriptEngine(args -> {
      kill.set(true);
      return ScriptReply.status("OK");
    }, kill::get);
    String r = eval(e, "redis.call('ping') while true do pcall(function() while true do end end) end");
    assertTrue(r.startsWith("-ERR Script killed by user with SCRIPT KILL..."), r);
    assertFalse(e.running());
    assertEquals(0, e.runningMillis());
    assertEquals(":1\r\n", eval(e, "return 1"));
  }

  @Test
  void runawayRecursionIsAScriptError() {
    ScriptEngine e = new ScriptEngine(args -> ScriptReply.nullBulk(), () -> false);
    String script = "local function f() return 1 + f() end return f()";
    String sha = ScriptEngine.sha1hex(script.getBytes(StandardCharsets.UTF_8));
    assertEquals("-ERR user_script:1: stack overflow script: " + sha + ", on @user_script:1.\r\n", eval(e, script));
    assertEquals(":2\r\n", eval(e, "return 2"));
  }

  @Test
  void randomStartsWhereAFreshRedisStarts() {
    // redis-server 7.0.15, fresh: EVAL "return math.random(100)" 0 answers 40, then 85, then 36.
    ScriptEngine e = new ScriptEngine(args -> ScriptReply.nullBulk(), () -> false);
    assertEquals(":40\r\n", eval(e, "return math.random(100)"));
    assertEquals(":85\r\n", eval(e, "return math.random(100)"));
    assertEquals(":36\r\n", eval(e, "return math.random(100)"));
  }

  @Test
  void loadCachesBySha() {
    ScriptEngine e = new ScriptEngine(args -> ScriptReply.nullBulk(), () -> false);
    String sha = e.load("return 7".getBytes(StandardCharsets.UTF_8)).text();
    assertEquals(ScriptEngine.sha1hex("return 7".getBytes(StandardCharsets.UTF_8)), sha);
    assertTrue(e.exists(sha));
    assertEquals(":7\r\n", resp(e.evalsha(sha, NONE, NONE), 2));
    e.flush();
    assertEquals("-NOSCRIPT No matching script. Please use EVAL.\r\n", resp(e.evalsha(sha, NONE, NONE), 2));
  }

  @Test
  void replyTypesReachLua() {
    ScriptEngine e = new ScriptEngine(args -> switch (new String(args[0], StandardCharsets.UTF_8)) {
      case "d" -> ScriptReply.dbl(1.5);
      case "b" -> ScriptReply.bigNumber("12345678901234567890");
      case "v" -> ScriptReply.verbatim("txt", "hi".getBytes(StandardCharsets.UTF_8));
      default -> ScriptReply.bool(true);
    }, () -> false);
    assertEquals("$3\r\n1.5\r\n", eval(e, "return tostring(redis.call('d').double)"));
    assertEquals("$20\r\n12345678901234567890\r\n", eval(e, "return redis.call('b').big_number"));
    assertEquals("*2\r\n$3\r\ntxt\r\n$2\r\nhi\r\n", eval(e, "local v = redis.call('v').verbatim_string return {v.format, v.string}"));
    assertEquals(":1\r\n", eval(e, "return redis.call('t')"));
  }

  @Test
  void globalsStayReadOnlyAcrossScripts() {
    ScriptEngine e = new ScriptEngine(args -> ScriptReply.nullBulk(), () -> false);
    assertTrue(eval(e, "x = 1").startsWith("-ERR user_script:1: Attempt to modify a readonly table script: "));
    assertTrue(eval(e, "math.x = 1").contains("Attempt to modify a readonly table"));
    assertTrue(eval(e, "return x").contains("Script attempted to access nonexistent global variable 'x'"));
    assertEquals("$1\r\n1\r\n", eval(e, "return ARGV[1] or '1'"));
  }
}
