package io.redline.modules.lua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload format and the library shebang on their own (the byte-exact checks against Redis are in the diff files). */
class FunctionPayloadTest {
  private static byte[] b(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

  @Test
  void payloadRoundTripsAndIsVerified() throws Exception {
    byte[] small = b("#!lua name=a\nredis.register_function('a', function() return 1 end)");
    StringBuilder big = new StringBuilder("#!lua name=b\n");
    for (int i = 0; i < 50; i++) big.append("-- padding line\n");
    byte[] large = b(big.toString());
    byte[] payload = FunctionPayload.dump(List.of(small, large), true);
    assertTrue(FunctionPayload.verify(payload));
    assertTrue(payload.length < small.length + large.length, "the large library is compressed");
    FunctionPayload.Reader reader = new FunctionPayload.Reader(payload);
    assertArrayEquals(small, reader.next());
    assertArrayEquals(large, reader.next());
    assertFalse(reader.hasNext());
    for (int i = 0; i < payload.length; i++) {
      byte[] damaged = payload.clone();
      damaged[i] ^= 0x10;
      assertFalse(FunctionPayload.verify(damaged), "flipped byte " + i);
    }
    assertFalse(FunctionPayload.verify(new byte[9]));
  }

  @Test
  void withoutCompressionCodeIsStoredAsItIs() throws Exception {
    StringBuilder big = new StringBuilder("#!lua name=b\n");
    for (int i = 0; i < 50; i++) big.append("-- padding line\n");
    byte[] large = b(big.toString());
    byte[] payload = FunctionPayload.dump(List.of(large), false);
    assertTrue(FunctionPayload.verify(payload));
    assertEquals(1 + 2 + large.length + 10, payload.length); // opcode, 14-bit length, code, footer
    assertArrayEquals(large, new FunctionPayload.Reader(payload).next());
  }

  @Test
  void readerReportsRedisErrors() {
    assertEquals("given type is not a function", readError(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    assertEquals("Failed loading library payload", readError(new byte[] {(byte) 0xf5, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    assertEquals("Failed loading library name", readError(new byte[] {(byte) 0xf6, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  }

  private static String readError(byte[] payload) {
    return assertThrows(FunctionPayload.Malformed.class, () -> new FunctionPayload.Reader(payload).next()).getMessage();
  }

  @Test
  void libraryShebangIsSplitLikeRedisCli() {
    LibraryCode ok = LibraryCode.parse(b("#!lua  \"name=x\"  \nbody"));
    assertNull(ok.error);
    assertEquals("lua", ok.engine);
    assertEquals("x", ok.name);
    assertEquals(17, ok.bodyStart); // the newline: the body keeps the shebang as its (empty) line 1
    assertEquals("Invalid library metadata", LibraryCode.parse(b("#!lua name='x\nbody")).error);
    assertEquals("Library name was not given", LibraryCode.parse(b("#!lua\nbody")).error);
    assertEquals("Invalid metadata value given: a=b", LibraryCode.parse(b("#!lua name=x a=b\n")).error);
    assertEquals(List.of("a b", "c", "\n"), LibraryCode.splitArgs("\"a b\" 'c' \"\\x0a\""));
    assertNull(LibraryCode.splitArgs("\"a\"b"));
  }
}
