package io.redline.command.zset;

import io.redline.store.set.SetValue;
import io.redline.store.zset.ScoredVisitor;
import io.redline.store.zset.ZSetValue;

/**
 * One input key of ZUNION/ZINTER/ZDIFF (and their STORE forms, ZINTERCARD): a sorted set, a
 * plain set whose members all count with score 1, or a missing key (empty), with its WEIGHT.
 */
final class OpInput {
  private final ZSetValue zset;
  private final SetValue set;
  double weight = 1.0;

  OpInput(Object value) {
    this.zset = value instanceof ZSetValue z ? z : null;
    this.set = value instanceof SetValue s ? s : null;
  }

  /** Whether a stored value can be an input: a sorted set or a set. */
  static boolean accepts(Object value) {
    return value instanceof ZSetValue || value instanceof SetValue;
  }

  int size() {
    if (zset != null) return zset.size();
    return set != null ? set.size() : 0;
  }

  /** The same stored value as another input's (the same key given twice). */
  boolean sameValue(OpInput o) {
    return (zset != null && zset == o.zset) || (set != null && set == o.set);
  }

  void forEach(ScoredVisitor v) {
    if (zset != null) zset.forEach(v);
    else if (set != null) set.forEach(m -> v.accept(m, 1.0));
  }

  /** The member's score (1 in a set), or NaN when absent. */
  double find(byte[] member) {
    if (zset != null) return zset.score(member);
    if (set != null) return set.contains(member, 0, member.length) ? 1.0 : Double.NaN;
    return Double.NaN;
  }
}
