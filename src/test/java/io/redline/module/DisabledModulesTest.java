package io.redline.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.server.RedlineServer;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;

/** A module named in disabled-modules is not served at all; its options stay known. */
class DisabledModulesTest {
  @Test
  void disabledModuleCommandsAreUnknownAndUnlisted() throws Exception {
    try (RedlineInstance r = new RedlineInstance("--disabled-modules", "lua").start(); RawClient c = r.connect()) {
      assertEquals("-ERR unknown command 'EVAL', with args beginning with: 'return 1' '0' \r\n",
          c.callText("EVAL", "return 1", "0"));
      assertEquals("*1\r\n$-1\r\n", c.callText("COMMAND", "INFO", "eval")); // as Redis answers an unknown name
      assertEquals("*2\r\n$16\r\ndisabled-modules\r\n$3\r\nlua\r\n", c.callText("CONFIG", "GET", "disabled-modules"));
    }
  }

  @Test
  void enabledByDefault() throws Exception {
    try (RedlineInstance r = new RedlineInstance().start(); RawClient c = r.connect()) {
      assertEquals(":1\r\n", c.callText("EVAL", "return 1", "0"));
    }
  }

  @Test
  void unknownModuleNameRefusesToStart() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RedlineServer.start("--port", "0", "--disabled-modules", "nosuchmodule"));
    assertTrue(e.getMessage().contains("nosuchmodule"), e.getMessage());
  }
}
