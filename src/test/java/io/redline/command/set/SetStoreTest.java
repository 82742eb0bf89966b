package io.redline.command.set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.store.set.SetValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The set value in-process: intset order and widths against a sorted reference, and conversions. */
class SetStoreTest {
  private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  private static List<Long> members(SetValue s) {
    List<Long> out = new ArrayList<>();
    s.forEach(m -> out.add(Long.parseLong(new String(m, StandardCharsets.UTF_8))));
    return out;
  }

  @Test
  void intsetMatchesASortedReferenceAcrossWidths() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    SetValue s = SetValue.emptyIntset();
    TreeSet<Long> ref = new TreeSet<>();
    long[] ranges = {100, 40000, 3_000_000_000L, Long.MAX_VALUE};
    for (int i = 0; i < 4000; i++) {
      long range = ranges[i / 1000];
      long v = r.nextLong(-range, range);
      byte[] m = b(Long.toString(v));
      if (r.nextInt(4) == 0) assertEquals(ref.remove(v), s.remove(m));
      else assertEquals(ref.add(v), s.add(m, Long.MAX_VALUE));
      assertEquals(ref.size(), s.size());
    }
    assertEquals("intset", s.encoding());
    assertEquals(new ArrayList<>(ref), members(s));
    for (long v : ref) assertTrue(s.contains(b(Long.toString(v))));
    assertTrue(s.add(b(Long.toString(Long.MIN_VALUE)), Long.MAX_VALUE));
    assertEquals(Long.MIN_VALUE, members(s).get(0));
  }

  @Test
  void nonCanonicalIntegersAreStrings() {
    for (String m : new String[] {"01", "-0", "+1", " 1", "1 ", "1.0", "", "9223372036854775808", "x"}) {
      SetValue s = SetValue.forFirstMember(b(m), 0, m.length());
      s.add(b(m), 512);
      assertEquals("hashtable", s.encoding(), m);
    }
    SetValue s = SetValue.emptyIntset();
    s.add(b("1"), 512);
    assertFalse(s.contains(b("01")));
    assertFalse(s.remove(b("+1")));
    assertEquals(1, s.size());
  }

  @Test
  void convertsPastTheLimitOrOnAStringAndNeverBack() {
    SetValue s = SetValue.emptyIntset();
    for (int i = 0; i < 3; i++) s.add(b(Integer.toString(i)), 3);
    assertEquals("intset", s.encoding());
    s.add(b("3"), 3);
    assertEquals("hashtable", s.encoding());
    assertEquals(4, s.size());
    assertTrue(s.contains(b("3")));

    SetValue t = SetValue.emptyIntset();
    t.add(b("1"), 512);
    t.add(b("a"), 512);
    t.remove(b("a"));
    assertEquals("hashtable", t.encoding());
    assertTrue(t.contains(b("1")));
  }

  @Test
  void popAndCopy() {
    for (String prefix : new String[] {"", "m"}) {
      SetValue s = SetValue.forFirstMember(b(prefix + "0"), 0, prefix.length() + 1);
      for (int i = 0; i < 50; i++) s.add(b(prefix + i), 512);
      SetValue c = s.copy();
      TreeSet<String> popped = new TreeSet<>();
      while (s.size() > 0) assertTrue(popped.add(new String(s.pop(), StandardCharsets.UTF_8)));
      assertEquals(50, popped.size());
      assertEquals(50, c.size());
      for (String m : popped) assertTrue(c.contains(b(m)));
    }
  }
}
