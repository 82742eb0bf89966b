package io.redline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config file, flags, CONFIG SET and REWRITE behave as Redis users expect. */
class ServerConfigTest {
  @TempDir Path dir;

  @Test
  void flagsOverrideTheFileAndMemoryUnitsFollowRedis() throws Exception {
    Path conf = dir.resolve("redline.conf");
    Files.writeString(conf, "# comment\nport 7000\nproto-max-bulk-len 2mb\nrequirepass \"s3 cret\"\n");
    ServerConfig c = ServerConfig.fromArgs(new String[] {conf.toString(), "--port", "7001", "--hz", "20"});
    assertEquals(7001, c.getInt("port"));
    assertEquals(20, c.getInt("hz"));
    assertEquals(2L * 1024 * 1024, c.getLong("proto-max-bulk-len"));
    assertEquals("s3 cret", c.get("requirepass"));
  }

  @Test
  void unknownOptionsAreRefusedAtStartUp() {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.fromArgs(new String[] {"--no-such-option", "1"}));
    assertTrue(e.getMessage().contains("Bad directive or wrong number of arguments"), e.getMessage());
    ConfigException bad = assertThrows(ConfigException.class, () -> ServerConfig.fromArgs(new String[] {"--hz", "abc"}));
    assertTrue(bad.getMessage().contains("argument couldn't be parsed into an integer"), bad.getMessage());
  }

  @Test
  void configSetIsAllOrNothingWithRedisErrors() {
    ServerConfig c = new ServerConfig();
    assertEquals("ERR Unknown option or number of arguments for CONFIG SET - 'nope'",
        c.set(List.<String[]>of(new String[] {"hz", "50"}, new String[] {"nope", "1"})));
    assertEquals(10, c.getInt("hz"), "nothing applied when one pair fails");
    assertEquals("ERR CONFIG SET failed (possibly related to argument 'hz') - argument must be between 0 and 2147483647 inclusive",
        c.set(List.<String[]>of(new String[] {"hz", "-1"})));
    assertEquals("ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
        c.set(List.<String[]>of(new String[] {"databases", "4"})));
    assertNull(c.set(List.<String[]>of(new String[] {"HZ", "50"}, new String[] {"timeout", "3"})));
    assertEquals(50, c.getInt("hz"));
    Map<String, String> got = c.matching(List.of("h*", "timeout"));
    assertEquals("50", got.get("hz"));
    assertEquals("3", got.get("timeout"));
  }

  @Test
  void rewriteKeepsCommentsAndAppendsChangedOptions() throws Exception {
    Path conf = dir.resolve("r.conf");
    Files.writeString(conf, "# keep me\nhz 15\n");
    ServerConfig c = ServerConfig.fromArgs(new String[] {conf.toString()});
    assertNull(c.set(List.<String[]>of(new String[] {"hz", "30"}, new String[] {"timeout", "9"})));
    c.rewrite();
    String text = Files.readString(conf);
    assertTrue(text.startsWith("# keep me\nhz 30\n"), text);
    assertTrue(text.contains("timeout 9"), text);
    ServerConfig again = ServerConfig.fromArgs(new String[] {conf.toString()});
    assertEquals(30, again.getInt("hz"));
    assertEquals(9, again.getInt("timeout"));
  }
}
