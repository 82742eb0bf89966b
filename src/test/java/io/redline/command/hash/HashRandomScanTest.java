package io.redline.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HRANDFIELD and HSCAN over TCP, for what differential files can only compare by type: random
 * picks (right count, real fields with their values, distinct for positive counts, repeats for
 * negative ones) and full hashtable scans while the hash changes between calls.
 */
class HashRandomScanTest {
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

  private Map<String, String> fill(String key, int n) throws IOException {
    Map<String, String> m = new HashMap<>();
    List<String> args = new ArrayList<>(List.of("HSET", key));
    for (int i = 0; i < n; i++) {
      m.put("f" + i, "v" + i);
      args.add("f" + i);
      args.add("v" + i);
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
  void randomFieldsInBothEncodings() throws IOException {
    for (int size : new int[] {10, 1000}) { // listpack, hashtable
      String key = "h" + size;
      Map<String, String> h = fill(key, size);
      for (int count : new int[] {1, 3, size / 2, size - 1}) {
        List<String> got = texts(c.callParsed("HRANDFIELD", key, Integer.toString(count)));
        assertEquals(count, got.size());
        assertEquals(count, new HashSet<>(got).size(), "distinct for a positive count");
        assertTrue(h.keySet().containsAll(got));
        List<String> pairs = texts(c.callParsed("HRANDFIELD", key, Integer.toString(count), "WITHVALUES"));
        assertEquals(2 * count, pairs.size());
        Set<String> fields = new HashSet<>();
        for (int i = 0; i < pairs.size(); i += 2) {
          assertEquals(h.get(pairs.get(i)), pairs.get(i + 1));
          fields.add(pairs.get(i));
        }
        assertEquals(count, fields.size());
      }
      List<String> rep = texts(c.callParsed("HRANDFIELD", key, Integer.toString(-3 * size)));
      assertEquals(3 * size, rep.size());
      assertTrue(h.keySet().containsAll(rep));
      assertTrue(new HashSet<>(rep).size() < rep.size(), "a negative count repeats");
      Set<String> single = new HashSet<>();
      for (int i = 0; i < 30 * size; i++) single.add(c.callParsed("HRANDFIELD", key).text());
      assertTrue(single.size() > size / 2, "single picks spread over the hash");
      assertTrue(h.keySet().containsAll(single));
    }
  }

  @Test
  void resp3PairsAreTwoElementArrays() throws IOException {
    fill("h", 1000);
    c.call("HELLO", "3");
    RespReply r = c.callParsed("HRANDFIELD", "h", "-5", "WITHVALUES");
    assertEquals(5, r.elements.size());
    for (RespReply p : r.elements) {
      assertEquals('*', p.type);
      assertEquals(2, p.elements.size());
      assertEquals("v" + p.elements.get(0).text().substring(1), p.elements.get(1).text());
    }
  }

  @Test
  void hugeNegativeCountsAreRefusedNotBuilt() throws IOException {
    fill("h", 3);
    assertTrue(c.callText("HRANDFIELD", "h", "-4611686018427387903", "WITHVALUES").startsWith("-ERR value is out of range"));
    assertTrue(c.callText("HRANDFIELD", "h", "-9223372036854775807").startsWith("-ERR value is out of range"));
  }

  @Test
  void hashtableScanSurvivesChangesBetweenCalls() throws IOException {
    Map<String, String> stable = fill("h", 2000);
    for (String count : new String[] {"1", "10", "100"}) {
      Set<String> seen = new HashSet<>();
      String cursor = "0";
      int calls = 0;
      do {
        RespReply r = c.callParsed("HSCAN", "h", cursor, "COUNT", count);
        cursor = r.elements.get(0).text();
        List<String> flat = texts(r.elements.get(1));
        for (int i = 0; i < flat.size(); i += 2) {
          String f = flat.get(i);
          if (f.startsWith("f")) assertEquals(stable.get(f), flat.get(i + 1));
          seen.add(f);
        }
        // grow the hash a lot while scanning, then shrink it
        calls++;
        if (calls < 30) {
          List<String> args = new ArrayList<>(List.of("HSET", "h"));
          for (int k = 0; k < 200; k++) {
            args.add("tmp" + calls + "_" + k);
            args.add("x");
          }
          c.call(args.toArray(new String[0]));
        } else if (calls == 30) {
          for (int s = 1; s < 30; s++) {
            List<String> args = new ArrayList<>(List.of("HDEL", "h"));
            for (int k = 0; k < 200; k++) args.add("tmp" + s + "_" + k);
            c.call(args.toArray(new String[0]));
          }
        }
      } while (!cursor.equals("0"));
      assertTrue(seen.containsAll(stable.keySet()), "COUNT " + count);
      for (String f : seen) assertTrue(f.startsWith("f") || f.startsWith("tmp"));
    }
  }
}
