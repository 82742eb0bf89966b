package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.set.SetValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Consumer;

/**
 * Intersection, union and difference over the sets named by a range of arguments, computed the
 * way Redis 7.0 orders its results: an intersection follows its smallest set's order, and a
 * union or difference is built into a fresh set (intset while it can be) whose order it replies.
 */
final class SetAlgebra {
  private SetAlgebra() {}

  /**
   * The sets at arguments [from, to), null for a missing key; or null after replying WRONGTYPE.
   * Every key is type-checked, even after a missing one, as Redis does.
   */
  static SetValue[] lookup(CommandContext ctx, int from, int to, boolean forWrite) {
    SetValue[] sets = new SetValue[to - from];
    for (int i = from; i < to; i++) {
      Entry e = forWrite ? ctx.lookupWrite(i) : ctx.lookupRead(i);
      if (e == null) continue;
      if (!(e.value() instanceof SetValue s)) {
        ctx.error(Errors.WRONGTYPE);
        return null;
      }
      sets[i - from] = s;
    }
    return sets;
  }

  /** The members common to all sets, in the smallest set's order, at most {@code limit} (0: all). */
  static void intersect(SetValue[] sets, long limit, Consumer<byte[]> out) {
    for (SetValue s : sets) if (s == null) return;
    SetValue[] bySize = sets.clone();
    Arrays.sort(bySize, Comparator.comparingInt(SetValue::size));
    SetValue first = bySize[0];
    long[] found = {0};
    first.forEachWhile(m -> {
      for (int j = 1; j < bySize.length; j++) {
        if (bySize[j] != first && !bySize[j].contains(m)) return true;
      }
      out.accept(m);
      return limit == 0 || ++found[0] < limit;
    });
  }

  static SetValue union(SetValue[] sets, long maxIntset) {
    SetValue result = SetValue.emptyIntset();
    for (SetValue s : sets) if (s != null) s.forEach(m -> result.add(m, maxIntset));
    return result;
  }

  /** The first set's members that are in none of the others. */
  static SetValue difference(SetValue[] sets, long maxIntset) {
    SetValue result = SetValue.emptyIntset();
    SetValue first = sets[0];
    if (first == null) return result;
    first.forEach(m -> {
      for (int j = 1; j < sets.length; j++) {
        if (sets[j] != null && (sets[j] == first || sets[j].contains(m))) return;
      }
      result.add(m, maxIntset);
    });
    return result;
  }
}
