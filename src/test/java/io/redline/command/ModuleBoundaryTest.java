package io.redline.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core never imports a module: modules reach it only through ServiceLoader. */
class ModuleBoundaryTest {
  @Test
  void noCoreSourceMentionsAModulePackage() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("io.redline.modules");
            } catch (IOException e) {
              throw new RuntimeException(e);
            }
          })
          .map(Path::toString).toList();
      assertEquals(List.of(), offenders);
    }
  }
}
