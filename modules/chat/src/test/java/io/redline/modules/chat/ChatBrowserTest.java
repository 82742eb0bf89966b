package io.redline.modules.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redline.testing.FreePort;
import io.redline.testing.RedlineInstance;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat page in a real browser: headless Chromium driven by playwright-core (node) receives a
 * redis-cli PUBLISH and sends a message a redis-cli subscriber receives; a screenshot is saved
 * under target/. Skips, saying why, where Chromium, node, redis-cli or playwright-core is missing
 * (.ci/run installs them).
 */
class ChatBrowserTest {
  static final int HTTP_PORT = FreePort.find();
  @RegisterExtension
  static final RedlineInstance redline = new RedlineInstance("--http-port", Integer.toString(HTTP_PORT));

  private static final Path SCRIPT_DIR = Path.of("modules", "chat", "src", "test", "browser");

  @Test
  void pageAndRedisCliTalkBothWays() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assumeTrue(new File(chromium).canExecute(), "no Chromium at " + chromium + " (apt-get install chromium)");
    assumeTrue(onPath("node") && onPath("redis-cli"), "node or redis-cli not on PATH");
    assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
        "playwright-core not installed (npm ci --prefix " + SCRIPT_DIR + ")");
    Path shot = Path.of(System.getProperty("buildDir", "target"), "chat-page.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    Process p = new ProcessBuilder("node", "chat-page.mjs", Integer.toString(HTTP_PORT), Integer.toString(redline.port()),
        shot.toString()).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) p.destroyForcibly();
    assertTrue(done, "browser script did not finish: " + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(Files.size(shot) > 0, "no screenshot at " + shot);
  }

  private static boolean onPath(String cmd) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, cmd).canExecute()) return true;
    }
    return false;
  }
}
