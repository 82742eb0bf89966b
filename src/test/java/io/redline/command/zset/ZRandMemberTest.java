package io.redline.command.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ZRANDMEMBER's random replies, which the differential files can only check by type: counts,
 * membership, distinct members for a positive count, repetition allowed for a negative one,
 * and scores that belong to their members, in both encodings and both protocols.
 */
class ZRandMemberTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  private static Map<String, String> fill(RawClient c, String key, int n) throws Exception {
    Map<String, String> scores = new HashMap<>();
    for (int i = 0; i < n; i++) {
      c.call("ZADD", key, Integer.toString(i * 3), "m" + i);
      scores.put("m" + i, Integer.toString(i * 3));
    }
    return scores;
  }

  private static List<String> texts(RespReply r) {
    List<String> out = new ArrayList<>();
    for (RespReply e : r.elements) out.add(e.text());
    return out;
  }

  @Test
  void countsMembershipAndDistinctness() throws Exception {
    try (RawClient c = REDLINE.connect()) {
      for (int n : new int[] {5, 300}) { // listpack, then skiplist
        String key = "rand" + n;
        Map<String, String> scores = fill(c, key, n);
        assertEquals(n > 128 ? "skiplist" : "listpack", c.callParsed("OBJECT", "ENCODING", key).text());
        for (int trial = 0; trial < 50; trial++) {
          String one = c.callParsed("ZRANDMEMBER", key).text();
          assertTrue(scores.containsKey(one));

          for (int count : new int[] {1, 3, n - 1, n, n + 7}) {
            List<String> got = texts(c.callParsed("ZRANDMEMBER", key, Integer.toString(count)));
            assertEquals(Math.min(count, n), got.size());
            assertEquals(got.size(), new HashSet<>(got).size(), "distinct for a positive count");
            assertTrue(scores.keySet().containsAll(got));
          }

          List<String> repeated = texts(c.callParsed("ZRANDMEMBER", key, "-" + (3 * n)));
          assertEquals(3 * n, repeated.size());
          assertTrue(scores.keySet().containsAll(repeated));

          List<String> flat = texts(c.callParsed("ZRANDMEMBER", key, "-7", "WITHSCORES"));
          assertEquals(14, flat.size());
          for (int i = 0; i < flat.size(); i += 2) assertEquals(scores.get(flat.get(i)), flat.get(i + 1));
        }
        // With many draws from five members, a negative count must repeat some.
        if (n == 5) {
          List<String> many = texts(c.callParsed("ZRANDMEMBER", key, "-50"));
          assertTrue(new HashSet<>(many).size() < many.size());
        }
      }
    }
  }

  @Test
  void resp3PairsCarryTheirScores() throws Exception {
    try (RawClient c = REDLINE.connect()) {
      c.call("HELLO", "3");
      Map<String, String> scores = fill(c, "rand3", 10);
      for (String count : new String[] {"4", "-25"}) {
        RespReply r = c.callParsed("ZRANDMEMBER", "rand3", count, "WITHSCORES");
        assertEquals(Math.abs(Integer.parseInt(count)), r.elements.size());
        for (RespReply pair : r.elements) {
          assertEquals('*', pair.type);
          assertEquals(2, pair.elements.size());
          assertEquals(',', pair.elements.get(1).type);
          assertEquals(scores.get(pair.elements.get(0).text()), pair.elements.get(1).text());
        }
      }
    }
  }
}
