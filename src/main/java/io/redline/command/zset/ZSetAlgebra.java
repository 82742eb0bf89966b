package io.redline.command.zset;

import io.redline.store.zset.ScoredList;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of ZUNION, ZINTER, ZDIFF and ZINTERCARD, in Redis's order of operations, since
 * summing doubles in another order can change the last digit: union and intersection take
 * their inputs from the smallest to the largest (a stable sort, ties in key order); a weighted
 * score that is NaN (0 * inf) counts as 0, and so does a sum of +inf and -inf.
 */
final class ZSetAlgebra {
  enum Aggregate { SUM, MIN, MAX }

  private ZSetAlgebra() {}

  private static double aggregate(double target, double value, Aggregate how) {
    return switch (how) {
      case SUM -> {
        double s = target + value;
        yield s != s ? 0.0 : s;
      }
      case MIN -> value < target ? value : target;
      case MAX -> value > target ? value : target;
    };
  }

  private static OpInput[] bySize(OpInput[] inputs) {
    OpInput[] sorted = inputs.clone();
    Arrays.sort(sorted, Comparator.comparingInt(OpInput::size));
    return sorted;
  }

  static ScoredList union(OpInput[] inputs, Aggregate how) {
    Map<ByteBuffer, double[]> acc = new HashMap<>();
    ScoredList members = new ScoredList();
    for (OpInput in : bySize(inputs)) {
      in.forEach((m, s) -> {
        double score = in.weight * s;
        if (score != score) score = 0;
        double[] cur = acc.get(ByteBuffer.wrap(m));
        if (cur == null) {
          acc.put(ByteBuffer.wrap(m), new double[] {score});
          members.add(m, 0);
        } else {
          cur[0] = aggregate(cur[0], score, how);
        }
      });
    }
    ScoredList out = new ScoredList(members.size());
    for (int i = 0; i < members.size(); i++) {
      byte[] m = members.member(i);
      out.add(m, acc.get(ByteBuffer.wrap(m))[0]);
    }
    out.sortByScore();
    return out;
  }

  static ScoredList inter(OpInput[] inputs, Aggregate how) {
    ScoredList out = new ScoredList();
    intersect(inputs, how, -1, out);
    out.sortByScore();
    return out;
  }

  /** ZINTERCARD: the size of the intersection, counting stopped at {@code limit} (0: no limit). */
  static long interCard(OpInput[] inputs, long limit) {
    return intersect(inputs, Aggregate.SUM, limit, null);
  }

  private static long intersect(OpInput[] inputs, Aggregate how, long limit, ScoredList out) {
    OpInput[] src = bySize(inputs);
    if (src[0].size() == 0) return 0;
    long[] count = {0};
    boolean[] stop = {false};
    src[0].forEach((m, s) -> {
      if (stop[0]) return;
      double score = src[0].weight * s;
      if (score != score) score = 0;
      for (int j = 1; j < src.length; j++) {
        double v = src[j].sameValue(src[0]) ? s : src[j].find(m);
        if (v != v) return; // absent from this input
        score = aggregate(score, v * src[j].weight, how);
      }
      count[0]++;
      if (out != null) out.add(m, score);
      else if (limit > 0 && count[0] >= limit) stop[0] = true;
    });
    return count[0];
  }

  /** Members of the first input found in none of the others, with their first-input scores. */
  static ScoredList diff(OpInput[] inputs) {
    ScoredList out = new ScoredList();
    inputs[0].forEach((m, s) -> {
      for (int j = 1; j < inputs.length; j++) {
        if (inputs[j].sameValue(inputs[0])) return;
        double v = inputs[j].find(m);
        if (v == v) return; // present in another input
      }
      out.add(m, s);
    });
    out.sortByScore();
    return out;
  }
}
