package io.redline.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.config.ConfigException;
import io.redline.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** client-output-buffer-limit in a config file, as flags, through CONFIG SET and REWRITE. */
class OutputBufferLimitConfigTest {
  @TempDir Path dir;

  @Test
  void fileLinesAndFlagsMergeClassByClass() throws Exception {
    Path conf = dir.resolve("redline.conf");
    Files.writeString(conf, "client-output-buffer-limit normal 1mb 0 0\nclient-output-buffer-limit pubsub 64mb 16mb 90\n");
    ServerConfig c = ServerConfig.fromArgs(new String[] {conf.toString(), "--client-output-buffer-limit", "replica", "1gb", "512mb", "120"});
    assertEquals("normal 1048576 0 0 slave 1073741824 536870912 120 pubsub 67108864 16777216 90", c.get("client-output-buffer-limit"));
  }

  @Test
  void badLinesStopTheStartWithRedisReason() {
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> ServerConfig.fromArgs(new String[] {"--client-output-buffer-limit", "master", "1", "2", "3"}));
    assertTrue(e.getMessage().contains("Invalid client class specified in buffer limit configuration."), e.getMessage());
  }

  @Test
  void configSetNotifiesAndRewriteRoundTrips() throws Exception {
    Path conf = dir.resolve("r.conf");
    Files.writeString(conf, "# mine\n");
    ServerConfig c = ServerConfig.fromArgs(new String[] {conf.toString()});
    List<String> heard = new java.util.ArrayList<>();
    c.onChange("client-output-buffer-limit", heard::add);
    assertNull(c.set(List.<String[]>of(new String[] {"client-output-buffer-limit", "pubsub 1mb 512kb 10"})));
    assertEquals(List.of("normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 524288 10"), heard);
    assertEquals("ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - Wrong number of arguments in buffer limit configuration.",
        c.set(List.<String[]>of(new String[] {"client-output-buffer-limit", "pubsub 1"})));
    c.rewrite();
    ServerConfig again = ServerConfig.fromArgs(new String[] {conf.toString()});
    assertEquals(c.get("client-output-buffer-limit"), again.get("client-output-buffer-limit"));
    assertEquals(1024 * 1024, OutputBufferLimits.parse(again.get("client-output-buffer-limit")).pubsub().hard());
  }
}
