package io.redline.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.config.ConfigException;
import io.redline.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify-keyspace-events as an option: stored as flag bits (what the notifier reads), shown by
 * CONFIG GET and CONFIG REWRITE in Redis's printed form, refused with Redis's text when invalid.
 */
class NotifyConfigTest {
  private static String set(ServerConfig c, String value) {
    return c.set(List.<String[]>of(new String[] {"notify-keyspace-events", value}));
  }

  @Test
  void offByDefault() {
    ServerConfig c = new ServerConfig();
    assertEquals("", c.get("notify-keyspace-events"));
    assertEquals(0, c.getInt("notify-keyspace-events"));
  }

  @Test
  void shownAsRedisPrintsItButStoredWhole() {
    ServerConfig c = new ServerConfig();
    AtomicReference<String> heard = new AtomicReference<>();
    c.onChange("notify-keyspace-events", heard::set);
    assertNull(set(c, "AnKE"));
    assertEquals("AKE", c.get("notify-keyspace-events"));
    assertEquals(Map.of("notify-keyspace-events", "AKE"), c.matching(List.of("notify-*")));
    int flags = c.getInt("notify-keyspace-events");
    assertEquals(NotifyFlags.NEW, flags & NotifyFlags.NEW, "n survives although it is not printed");
    assertEquals(Integer.toString(flags), heard.get(), "listeners get the stored bits");
  }

  @Test
  void invalidLettersAreRefusedAndChangeNothing() {
    ServerConfig c = new ServerConfig();
    assertNull(set(c, "Egx"));
    assertEquals("ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - "
        + "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.", set(c, "Kq"));
    assertEquals("gxE", c.get("notify-keyspace-events"));
  }

  @Test
  void invalidAtStartUpIsFatal() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.fromArgs(new String[] {"--notify-keyspace-events", "KEz?"}));
    assertTrue(e.getMessage().contains("Invalid event class character. Use 'Ag$lshzxeKEtmdn'."), e.getMessage());
    assertEquals("zKE", ServerConfig.fromArgs(new String[] {"--notify-keyspace-events", "KEz"}).get("notify-keyspace-events"));
  }

  @Test
  void rewriteWritesThePrintedForm(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("redline.conf");
    Files.writeString(file, "# test\nnotify-keyspace-events Ex\n");
    ServerConfig c = ServerConfig.fromArgs(new String[] {file.toString()});
    assertEquals("xE", c.get("notify-keyspace-events"));
    assertNull(set(c, "KEA"));
    c.rewrite();
    assertTrue(Files.readAllLines(file).contains("notify-keyspace-events AKE"), Files.readString(file));
    assertEquals("AKE", ServerConfig.fromArgs(new String[] {file.toString()}).get("notify-keyspace-events"));
  }
}
