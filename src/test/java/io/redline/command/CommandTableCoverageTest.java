package io.redline.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.server.RedlineServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command table must not lie: every declared (sub)command has a handler, every handler has
 * a declaration, and every declaration file is loaded by some family. The table is built exactly
 * as the server builds it ({@link CommandTable#standard}).
 */
class CommandTableCoverageTest {
  private static final ClassLoader LOADER = RedlineServer.class.getClassLoader();
  private static CommandTable table;

  @BeforeAll
  static void load() {
    table = CommandTable.standard(LOADER);
  }

  @Test
  void everyDeclarationHasAHandler() {
    List<String> unbound = table.unbound();
    System.out.println("unbound declarations (" + unbound.size() + "): " + unbound);
    assertTrue(unbound.isEmpty(), unbound.size() + " declared command(s) have no handler: " + String.join(", ", unbound));
  }

  @Test
  void everyHandlerHasADeclaration() {
    List<String> orphans = new ArrayList<>(table.boundWithoutDeclaration());
    assertTrue(orphans.isEmpty(), "handlers bound to undeclared names: " + String.join(", ", orphans));
  }

  @Test
  void everyDeclarationFileIsLoaded() throws IOException, URISyntaxException {
    // A commands/<group>.json that no family claims would hide its commands from unbound().
    Set<String> claimed = new TreeSet<>();
    for (CommandFamily f : ServiceLoader.load(CommandFamily.class, LOADER)) claimed.addAll(f.declarationGroups());
    for (io.redline.module.RedlineModule m : io.redline.module.Modules.available(LOADER)) claimed.addAll(m.declarationGroups());
    Set<String> files = new TreeSet<>();
    Enumeration<URL> dirs = LOADER.getResources("commands");
    while (dirs.hasMoreElements()) {
      URL u = dirs.nextElement();
      if (!u.getProtocol().equals("file")) continue; // inside a jar: listed by its own module's test
      try (Stream<Path> s = Files.list(Path.of(u.toURI()))) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
            .forEach(n -> files.add(n.substring(0, n.length() - 5)));
      }
    }
    files.removeAll(claimed);
    assertTrue(files.isEmpty(), "declaration files no CommandFamily or module loads: " + files);
  }

  @Test
  void tableServesSomething() {
    // Guards the tests above against passing on an empty table (e.g. resources not found).
    assertTrue(table.all().size() > 0, "no command is served at all");
  }
}
