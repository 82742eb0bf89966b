// The loaded libraries and the function names they claim (Redis's functionsLibCtx).
package io.redline.modules.lua;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Library names are case-sensitive; function names are unique across libraries ignoring case
 * (FCALL MyFunc finds myfunc), as in Redis 7.0. FUNCTION RESTORE builds a second set and joins it.
 */
final class LibrarySet {
  private final Map<String, FunctionLibrary> libraries = new LinkedHashMap<>();
  private final Map<String, FunctionLibrary.Function> functions = new HashMap<>();
  private int functionCount;

  static String key(String functionName) { return functionName.toLowerCase(Locale.ROOT); }

  FunctionLibrary library(String name) { return libraries.get(name); }

  FunctionLibrary.Function function(String name) { return functions.get(key(name)); }

  Collection<FunctionLibrary> libraries() { return Collections.unmodifiableCollection(libraries.values()); }

  int libraryCount() { return libraries.size(); }

  /** As FUNCTION STATS counts: every library's functions (even two whose names differ only in case). */
  int functionCount() { return functionCount; }

  void link(FunctionLibrary lib) {
    libraries.put(lib.name(), lib);
    functionCount += lib.functions().size();
    // Two names differing only in case within one library: Redis keeps the first.
    for (FunctionLibrary.Function f : lib.functions()) functions.putIfAbsent(key(f.name()), f);
  }

  void unlink(FunctionLibrary lib) {
    libraries.remove(lib.name());
    functionCount -= lib.functions().size();
    for (FunctionLibrary.Function f : lib.functions()) functions.remove(key(f.name()));
  }
}
