package io.redline.command.set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPOP, SRANDMEMBER and SSCAN over TCP, for what differential files can only compare by type:
 * counts, membership, distinctness for positive counts, repeats for negative ones, removal by
 * SPOP, and full hashtable scans while the set changes between calls.
 */
class SetRandomScanTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private RawClient c;

  @BeforeEach
  void connect() throws IOException {
    c = REDLINE.connect();
    assertEquals("+OK\r\n", c.callText("FLUSHALL"));
  }

  @AfterEach
  void close() {
    c.close();
  }

  /** Fills a set with n members: integers (an intset up to 512) or strings (a hashtable). */
  private Set<String> fill(String key, int n, boolean ints) throws IOException {
    Set<String> m = new HashSet<>();
    List<String> args = new ArrayList<>(List.of("SADD", key));
    for (int i = 0; i < n; i++) {
      String v = ints ? Integer.toString(i * 7 - 100) : "m" + i;
      m.add(v);
      args.add(v);
    }
    c.call(args.toArray(new String[0]));
    return m;
  }

  private static List<String> texts(RespReply r) {
    List<String> out = new ArrayList<>();
    for (RespReply e : r.elements) out.add(e.text());
    return out;
  }

  @Test
  void srandmemberInBothEncodings() throws IOException {
    for (boolean ints : new boolean[] {true, false}) {
      String key = ints ? "ints" : "strs";
      Set<String> s = fill(key, 300, ints);
      assertEquals(ints ? "intset" : "hashtable", c.callParsed("OBJECT", "ENCODING", key).text());
      for (int count : new int[] {1, 5, 99, 101, 299}) {
        List<String> got = texts(c.callParsed("SRANDMEMBER", key, Integer.toString(count)));
        assertEquals(count, got.size());
        assertEquals(count, new HashSet<>(got).size(), "distinct for a positive count");
        assertTrue(s.containsAll(got));
      }
      List<String> rep = texts(c.callParsed("SRANDMEMBER", key, "-1000"));
      assertEquals(1000, rep.size());
      assertTrue(s.containsAll(rep));
      assertTrue(new HashSet<>(rep).size() < rep.size(), "a negative count repeats");
      assertEquals(300, c.callParsed("SCARD", key).integer(), "SRANDMEMBER changes nothing");
    }
  }

  @Test
  void spopRemovesWhatItReturns() throws IOException {
    for (boolean ints : new boolean[] {true, false}) {
      String key = ints ? "ints" : "strs";
      Set<String> s = fill(key, 200, ints);
      Set<String> popped = new HashSet<>();
      for (int count : new int[] {1, 10, 50, 100}) {
        List<String> got = texts(c.callParsed("SPOP", key, Integer.toString(count)));
        assertEquals(count, got.size());
        for (String m : got) assertTrue(popped.add(m), "popped twice: " + m);
      }
      String one = c.callParsed("SPOP", key).text();
      assertTrue(popped.add(one));
      assertTrue(s.containsAll(popped));
      assertEquals(200 - popped.size(), c.callParsed("SCARD", key).integer());
      for (String m : popped) assertEquals(0, c.callParsed("SISMEMBER", key, m).integer());
      List<String> rest = texts(c.callParsed("SPOP", key, "1000"));
      popped.addAll(rest);
      assertEquals(s, popped);
      assertEquals(0, c.callParsed("EXISTS", key).integer());
    }
  }

  @Test
  void hugeNegativeCountsAreRefusedNotBuilt() throws IOException {
    fill("s", 3, true);
    assertTrue(c.callText("SRANDMEMBER", "s", "-9223372036854775807").startsWith("-ERR value is out of range"));
  }

  @Test
  void hashtableScanSurvivesChangesBetweenCalls() throws IOException {
    Set<String> stable = fill("s", 2000, false);
    for (String count : new String[] {"1", "10", "100"}) {
      Set<String> seen = new HashSet<>();
      String cursor = "0";
      int calls = 0;
      do {
        RespReply r = c.callParsed("SSCAN", "s", cursor, "COUNT", count);
        cursor = r.elements.get(0).text();
        seen.addAll(texts(r.elements.get(1)));
        calls++;
        if (calls < 30) {
          List<String> args = new ArrayList<>(List.of("SADD", "s"));
          for (int k = 0; k < 200; k++) args.add("tmp" + calls + "_" + k);
          c.call(args.toArray(new String[0]));
        } else if (calls == 30) {
          for (int t = 1; t < 30; t++) {
            List<String> args = new ArrayList<>(List.of("SREM", "s"));
            for (int k = 0; k < 200; k++) args.add("tmp" + t + "_" + k);
            c.call(args.toArray(new String[0]));
          }
        }
      } while (!cursor.equals("0"));
      assertTrue(seen.containsAll(stable), "COUNT " + count);
    }
  }

  @Test
  void crossShardStoreIsAtomicAndCorrect() throws IOException {
    // keys chosen to span shards; the result must be the same as on one shard
    fill("a", 100, true);
    fill("b", 100, false);
    c.call("SADD", "b", "-100", "-93", "-86");
    assertTrue(REDLINE.shardsSpanned("a", "b", "dst") > 1, "pick keys on different shards");
    assertEquals(3, c.callParsed("SINTERSTORE", "dst", "a", "b").integer());
    assertEquals(List.of("-100", "-93", "-86"), texts(c.callParsed("SMEMBERS", "dst")));
    assertEquals(200, c.callParsed("SUNIONSTORE", "dst", "a", "b").integer());
    assertEquals(97, c.callParsed("SDIFFSTORE", "dst", "a", "b").integer());
    assertEquals(1, c.callParsed("SMOVE", "a", "b", "593").integer());
    assertEquals(1, c.callParsed("SISMEMBER", "b", "593").integer());
    assertEquals(0, c.callParsed("SISMEMBER", "a", "593").integer());
  }
}
