package io.redline.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The notify-keyspace-events letters, read and printed as Redis 7.0's notify.c does. */
class NotifyFlagsTest {
  @Test
  void everyLetterIsOneClass() {
    assertEquals(NotifyFlags.KEYSPACE, NotifyFlags.parse("K"));
    assertEquals(NotifyFlags.KEYEVENT, NotifyFlags.parse("E"));
    assertEquals(NotifyFlags.GENERIC, NotifyFlags.parse("g"));
    assertEquals(NotifyFlags.STRING, NotifyFlags.parse("$"));
    assertEquals(NotifyFlags.LIST, NotifyFlags.parse("l"));
    assertEquals(NotifyFlags.SET, NotifyFlags.parse("s"));
    assertEquals(NotifyFlags.HASH, NotifyFlags.parse("h"));
    assertEquals(NotifyFlags.ZSET, NotifyFlags.parse("z"));
    assertEquals(NotifyFlags.EXPIRED, NotifyFlags.parse("x"));
    assertEquals(NotifyFlags.EVICTED, NotifyFlags.parse("e"));
    assertEquals(NotifyFlags.STREAM, NotifyFlags.parse("t"));
    assertEquals(NotifyFlags.KEY_MISS, NotifyFlags.parse("m"));
    assertEquals(NotifyFlags.MODULE, NotifyFlags.parse("d"));
    assertEquals(NotifyFlags.NEW, NotifyFlags.parse("n"));
    assertEquals(NotifyFlags.ALL, NotifyFlags.parse("A"));
    assertEquals(0, NotifyFlags.parse(""));
  }

  @Test
  void aCoversEverythingButMissesAndNewKeys() {
    assertEquals(NotifyFlags.parse("g$lshzxetd"), NotifyFlags.parse("A"));
    assertEquals(0, NotifyFlags.parse("A") & (NotifyFlags.KEY_MISS | NotifyFlags.NEW | NotifyFlags.KEYSPACE | NotifyFlags.KEYEVENT));
  }

  @Test
  void printedInRedisOrder() {
    assertEquals("AKE", NotifyFlags.format(NotifyFlags.parse("KEA")));
    assertEquals("gxE", NotifyFlags.format(NotifyFlags.parse("Egx")));
    assertEquals("g$lshzxet", NotifyFlags.format(NotifyFlags.parse("tezxhsl$g")));
    assertEquals("AKEm", NotifyFlags.format(NotifyFlags.parse("mEKnd$tgehlszx")));
    assertEquals("n", NotifyFlags.format(NotifyFlags.parse("n")));
    assertEquals("KE", NotifyFlags.format(NotifyFlags.parse("EEKK")));
    assertEquals("", NotifyFlags.format(0));
  }

  @Test
  void printingAHidesN() {
    int flags = NotifyFlags.parse("AnKE");
    assertEquals("AKE", NotifyFlags.format(flags));
    assertEquals(NotifyFlags.NEW, flags & NotifyFlags.NEW); // still on
  }

  @Test
  void anyOtherCharacterIsInvalid() {
    for (String bad : new String[] {"a", "k", "Kq", "K E", "*", "G", "X"}) {
      assertEquals(-1, NotifyFlags.parse(bad), bad);
    }
    assertEquals("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.", NotifyFlags.INVALID);
  }
}
