package io.redline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test tools themselves: the reply reader on every RESP2/RESP3 type, and redis-cli's splitting rules. */
class TestingToolsTest {
  private static final String[] REPLIES = {
    "+OK\r\n", "-ERR x\r\n", ":-12\r\n", "$3\r\na\r\n\r\n", "$-1\r\n", "$0\r\n\r\n", "*-1\r\n", "*0\r\n",
    "*2\r\n$1\r\na\r\n*1\r\n:1\r\n", "_\r\n", ",3.14\r\n", ",inf\r\n", "#t\r\n", "(12345678901234567890\r\n",
    "=8\r\ntxt:abcd\r\n", "!5\r\nERR x\r\n", "%2\r\n+a\r\n:1\r\n+b\r\n%1\r\n+c\r\n_\r\n", "~2\r\n+x\r\n+y\r\n",
    ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$1\r\nm\r\n", "|1\r\n+ttl\r\n:5\r\n$1\r\nv\r\n",
  };

  @Test
  void readsExactlyOneReplyOfEveryType() throws Exception {
    try (ServerSocket ss = new ServerSocket(0)) {
      Thread server = new Thread(() -> {
        try (Socket s = ss.accept(); OutputStream out = s.getOutputStream()) {
          byte[] all = String.join("", REPLIES).getBytes(StandardCharsets.ISO_8859_1);
          for (byte b : all) out.write(b); // one byte at a time: the reader must not care
          out.flush();
        } catch (Exception ignored) {
          // the assertions below report what went wrong
        }
      });
      server.start();
      try (RawClient c = new RawClient("127.0.0.1", ss.getLocalPort())) {
        for (String r : REPLIES) assertEquals(r, new String(c.readRaw(), StandardCharsets.ISO_8859_1));
        assertThrows(RawClient.Closed.class, c::readRaw);
      }
      server.join();
    }
  }

  @Test
  void parsedRepliesAndUnorderedForm() {
    RespReply m = RespReply.parse(bytes("%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n"));
    RespReply m2 = RespReply.parse(bytes("%2\r\n+b\r\n:2\r\n+a\r\n:1\r\n"));
    RespReply swapped = RespReply.parse(bytes("%2\r\n+a\r\n:2\r\n+b\r\n:1\r\n"));
    assertArrayEquals(m.unorderedForm(), m2.unorderedForm());
    assertTrue(!java.util.Arrays.equals(m.unorderedForm(), swapped.unorderedForm()), "map pairs stay pairs");
    RespReply a = RespReply.parse(bytes("*3\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nb\r\n"));
    RespReply b = RespReply.parse(bytes("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nb\r\n"));
    RespReply c = RespReply.parse(bytes("*3\r\n$1\r\na\r\n$1\r\na\r\n$1\r\nb\r\n"));
    assertArrayEquals(a.unorderedForm(), b.unorderedForm());
    assertTrue(!java.util.Arrays.equals(a.unorderedForm(), c.unorderedForm()), "multisets, not sets");
    RespReply pairs = RespReply.parse(bytes("*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n"));
    RespReply traded = RespReply.parse(bytes("*4\r\n$1\r\na\r\n$1\r\n2\r\n$1\r\nb\r\n$1\r\n1\r\n"));
    RespReply reordered = RespReply.parse(bytes("*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n"));
    assertArrayEquals(pairs.unorderedForm(2), reordered.unorderedForm(2));
    assertTrue(!java.util.Arrays.equals(pairs.unorderedForm(2), traded.unorderedForm(2)), "RESP2 pairs stay pairs");
    RespReply attr = RespReply.parse(bytes("|1\r\n+k\r\n+v\r\n:7\r\n"));
    assertEquals(':', attr.type);
    assertEquals(7, attr.integer());
  }

  @Test
  void splitsLikeRedisCli() {
    assertEquals(List.of("SET", "k", "hello world"), split("SET k \"hello world\""));
    assertEquals(List.of("a", "AJxzz", "b"), split("a \"\\x41\\x4a\\xzz\" b"));
    assertEquals(List.of("\n\r\t\b\u0007\\\"q"), split("\"\\n\\r\\t\\b\\a\\\\\\\"\\q\""));
    assertEquals(List.of("it's", "no\\nescape"), split("'it\\'s' 'no\\nescape'"));
    assertEquals(List.of("ab c", "d"), split("a\"b c\" d"));
    assertEquals(List.of("", ""), split("\"\" ''"));
    assertEquals(List.of(), split("   "));
    assertThrows(IllegalArgumentException.class, () -> split("\"abc"));
    assertThrows(IllegalArgumentException.class, () -> split("'abc"));
    assertThrows(IllegalArgumentException.class, () -> split("\"abc\"def"));
    assertArrayEquals(new byte[] {0, (byte) 0xff}, CliArgs.split("\"\\x00\\xff\"").get(0));
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    for (byte[] b : CliArgs.split(line)) out.add(new String(b, StandardCharsets.ISO_8859_1));
    return out;
  }

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
