package io.redline.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The modules on the class path, and which of them a configuration enables. */
public final class Modules {
  private Modules() {}

  /** Every module found by {@link ServiceLoader}, in class-path order. */
  public static List<RedlineModule> available(ClassLoader loader) {
    List<RedlineModule> found = new ArrayList<>();
    ServiceLoader.load(RedlineModule.class, loader).forEach(found::add);
    return found;
  }

  /**
   * The available modules not named in {@code disabledList} (the {@code disabled-modules} value,
   * names separated by spaces). A name that is no module is an error: a typo must not leave a
   * module running that the operator meant to switch off.
   */
  public static List<RedlineModule> enabled(List<RedlineModule> available, String disabledList) {
    Set<String> disabled = new TreeSet<>();
    for (String n : disabledList.trim().split("\\s+")) if (!n.isEmpty()) disabled.add(n.toLowerCase(java.util.Locale.ROOT));
    Set<String> known = new TreeSet<>();
    for (RedlineModule m : available) known.add(m.name());
    for (String n : disabled) {
      if (!known.contains(n)) throw new IllegalArgumentException("disabled-modules names '" + n + "', which is no module; modules: " + known);
    }
    return available.stream().filter(m -> !disabled.contains(m.name())).toList();
  }

  /** For error texts and INFO: the names of {@code modules}. */
  public static String names(List<RedlineModule> modules) {
    return String.join(",", Arrays.asList(modules.stream().map(RedlineModule::name).toArray(String[]::new)));
  }
}
