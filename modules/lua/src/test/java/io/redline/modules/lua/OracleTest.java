// Runs the corpus on redis-server and on ScriptEngine (forwarding redis.call to the same server).
package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redline.protocol.ReplyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class OracleTest {
  private static final int PORT = 7613;
  private static Process server;
  private static RespConn client;
  private static RespConn forward;
  private static int forwardResp = 2;

  @BeforeAll
  static void start() throws Exception {
    if (!onPath("redis-server")) {
      System.out.println("OracleTest skipped: redis-server not on PATH");
      return;
    }
    server = new ProcessBuilder("redis-server", "--port", String.valueOf(PORT), "--save", "", "--appendonly", "no")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 100 && client == null; i++) {
      try {
        client = new RespConn(PORT);
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    forward = new RespConn(PORT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) client.close();
    if (forward != null) forward.close();
    if (server != null) server.destroy();
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, exe))) return true;
    }
    return false;
  }

  /** Forwards to the server with the texts Redis gives scripts for unknown commands and arity. */
  private static ScriptReply forwardCall(byte[][] args) {
    try {
      ScriptReply r = forward.call(args);
      if (r.isError() && r.text().startsWith("ERR unknown command")) return ScriptReply.error("ERR Unknown Redis command called from script");
      if (r.isError() && r.text().startsWith("ERR wrong number of arguments")) return ScriptReply.error("ERR Wrong number of args calling Redis command from script");
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final CommandInvoker INVOKER = new CommandInvoker() {
    @Override public ScriptReply call(byte[][] args) { return forwardCall(args); }

    @Override public void resp(int version) {
      if (version == forwardResp) return;
      try {
        forward.raw("HELLO", String.valueOf(version));
        forwardResp = version;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  @TestFactory
  Stream<DynamicTest> corpus() {
    Assumptions.assumeTrue(client != null, "redis-server not available");
    ScriptEngine engine = new ScriptEngine(INVOKER, () -> false);
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : OracleCorpus.CASES) {
      tests.add(DynamicTest.dynamicTest(c[1], () -> check(engine, c)));
    }
    return tests.stream();
  }

  private static void check(ScriptEngine engine, String[] c) throws IOException {
    int resp = Integer.parseInt(c[0]);
    client.raw("HELLO", c[0]);
    client.raw("FLUSHALL");
    List<String> cmd = new ArrayList<>(List.of("EVAL", c[1]));
    for (int i = 2; i < c.length; i++) cmd.add(c[i]);
    String expected = new String(client.raw(cmd.toArray(new String[0])), StandardCharsets.ISO_8859_1);

    client.raw("FLUSHALL");
    int numkeys = Integer.parseInt(c[2]);
    byte[][] keys = new byte[numkeys][];
    byte[][] argv = new byte[c.length - 3 - numkeys][];
    for (int i = 0; i < numkeys; i++) keys[i] = RespConn.b(c[3 + i]);
    for (int i = 0; i < argv.length; i++) argv[i] = RespConn.b(c[3 + numkeys + i]);
    ScriptReply reply = engine.eval(RespConn.b(c[1]), keys, argv);
    ByteBuf buf = Unpooled.buffer();
    ReplyEncoder.write(reply, new ReplyWriter(buf, resp));
    assertEquals(expected, buf.toString(StandardCharsets.ISO_8859_1));
  }
}
