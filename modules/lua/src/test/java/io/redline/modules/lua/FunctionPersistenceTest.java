package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function libraries live in the RDB file (opcode 245) like Redis 7.0's: DEBUG RELOAD and restarts keep them. */
class FunctionPersistenceTest {
  private static final String LIB = "#!lua name=persisted\nredis.register_function('seven', function() return 7 end)";

  @Test
  void reloadAndRestartKeepLibraries(@TempDir Path dir) throws Exception {
    String[] args = {"--dir", dir.toString(), "--enable-debug-command", "yes"};
    try (RedlineInstance r = new RedlineInstance(args).start(); RawClient c = r.connect()) {
      assertEquals("$9\r\npersisted\r\n", c.callText("FUNCTION", "LOAD", LIB));
      assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD"));
      assertEquals(":7\r\n", c.callText("FCALL", "seven", "0"));
      // Without flushing, the file's library clashes with the loaded one (as in Redis); MERGE replaces it.
      assertEquals("-ERR Error trying to load the RDB dump\r\n", c.callText("DEBUG", "RELOAD", "NOFLUSH"));
      assertEquals("+OK\r\n", c.callText("DEBUG", "RELOAD", "NOFLUSH", "MERGE"));
      assertEquals(":7\r\n", c.callText("FCALL", "seven", "0"));
      assertEquals("+OK\r\n", c.callText("SAVE"));
    }
    assertEquals(true, Files.exists(dir.resolve("dump.rdb")));
    try (RedlineInstance r = new RedlineInstance(args).start(); RawClient c = r.connect()) {
      assertEquals(":7\r\n", c.callText("FCALL", "seven", "0"));
    }
  }
}
