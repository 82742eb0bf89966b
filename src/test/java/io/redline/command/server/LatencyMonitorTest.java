package io.redline.command.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RedlineInstance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/** LATENCY's samples: a slow command is sampled under "command" once the threshold is set, and RESET forgets it. */
class LatencyMonitorTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  @Test
  void aSlowCommandIsSampledAndReset() {
    try (Jedis j = new Jedis("127.0.0.1", redline.port())) {
      j.configSet("latency-monitor-threshold", "1");
      try {
        j.sendCommand(redis.clients.jedis.Protocol.Command.LATENCY, "RESET");
        long before = System.currentTimeMillis() / 1000;
        j.eval("local i = 0 while i < 3000000 do i = i + 1 end return i", 0);
        List<Object> latest = (List<Object>) j.sendCommand(redis.clients.jedis.Protocol.Command.LATENCY, "LATEST");
        assertEquals(1, latest.size(), "only the script (and maybe LATENCY RESET: both \"command\") was slow enough");
        List<Object> event = (List<Object>) latest.get(0);
        assertEquals("command", new String((byte[]) event.get(0)));
        assertTrue((Long) event.get(1) >= before);
        assertTrue((Long) event.get(2) >= 1 && (Long) event.get(3) >= (Long) event.get(2), event.toString());
        List<Object> history = (List<Object>) j.sendCommand(redis.clients.jedis.Protocol.Command.LATENCY, "HISTORY", "command");
        assertTrue(history.size() >= 1, history.toString()); // one a second; LATENCY RESET itself may add one
        assertEquals(1L, j.sendCommand(redis.clients.jedis.Protocol.Command.LATENCY, "RESET", "command", "nosuch"));
        assertEquals(List.of(), j.sendCommand(redis.clients.jedis.Protocol.Command.LATENCY, "LATEST"));
      } finally {
        j.configSet("latency-monitor-threshold", "0");
      }
    }
  }
}
