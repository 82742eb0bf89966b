package io.redline.command.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ZRANK / ZREVRANK WITHSCORE: a Redis 7.2 option the project asked for, so the 7.0 oracle can't
 * check it; expected replies follow Redis 7.2 (rank and score, or a null array).
 */
class ZRankWithScoreTest {
  @RegisterExtension static final RedlineInstance redline = new RedlineInstance();

  @Test
  void rankWithScoreInBothProtocols() throws Exception {
    try (RawClient c = redline.connect()) {
      c.call("ZADD", "lb", "1.5", "a", "3", "b", "10", "c");
      assertEquals("*2\r\n:1\r\n$1\r\n3\r\n", c.callText("ZRANK", "lb", "b", "WITHSCORE"));
      assertEquals("*2\r\n:0\r\n$2\r\n10\r\n", c.callText("ZREVRANK", "lb", "c", "withscore"));
      assertEquals("*-1\r\n", c.callText("ZRANK", "lb", "nobody", "WITHSCORE"));
      assertEquals("*-1\r\n", c.callText("ZRANK", "missing", "a", "WITHSCORE"));
      assertEquals("-ERR syntax error\r\n", c.callText("ZRANK", "lb", "a", "WITHSCORES"));
      assertEquals("-ERR wrong number of arguments for 'zrank' command\r\n", c.callText("ZRANK", "lb", "a", "WITHSCORE", "x"));
      c.call("HELLO", "3");
      assertEquals("*2\r\n:2\r\n,1.5\r\n", c.callText("ZREVRANK", "lb", "a", "WITHSCORE"));
      assertEquals("_\r\n", c.callText("ZRANK", "lb", "nobody", "WITHSCORE"));
    }
  }
}
