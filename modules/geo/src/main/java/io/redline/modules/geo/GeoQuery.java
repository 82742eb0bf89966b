package io.redline.modules.geo;

import io.redline.store.zset.ScoreRange;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetRanges;
import io.redline.store.zset.ZSetValue;

/**
 * Finds the points of a geo set inside a shape as Redis 7.0 does: the sorted set's score ranges
 * of the (up to) nine cells covering the shape are read in Redis's cell order and each candidate
 * is tested against the shape. With {@code limit} (COUNT ... ANY) the search stops as soon as that
 * many points are found, so which points come back matches Redis too.
 */
public final class GeoQuery {
  private GeoQuery() {}

  /** The most elements one step of a limited search reads (the first reads about twice what is still wanted). */
  private static final int MAX_CHUNK = 1024;

  /** The points of {@code z} inside {@code shape}, at most {@code limit} of them when limit > 0. */
  public static GeoMatches search(ZSetValue z, GeoShape shape, long limit) {
    GeoShape.Cover cover = shape.cover();
    long[] bits = cover.bits();
    int[] steps = cover.steps();
    GeoMatches out = new GeoMatches();
    ScoredList buf = new ScoredList(64);
    int last = 0;
    for (int i = 0; i < 9; i++) {
      if (bits[i] == 0 && steps[i] == 0) continue;
      // With a very large radius neighbours can be the same cell: skip a repeat of the previous
      // one (Redis compares with the last processed cell only, and never with the centre).
      if (last != 0 && bits[i] == bits[last] && steps[i] == steps[last]) continue;
      if (limit > 0 && out.size() >= limit) break;
      scanCell(z, GeoCells.firstScore(bits[i], steps[i]), GeoCells.endScore(bits[i], steps[i]), shape, limit, buf, out);
      last = i;
    }
    return out;
  }

  /** Tests every element with a score in [min, max) against the shape. */
  private static void scanCell(ZSetValue z, double min, double max, GeoShape shape, long limit, ScoredList buf, GeoMatches out) {
    double[] xy = new double[2];
    double from = min;
    long skip = 0;
    int chunk = limit > 0 ? (int) Math.min(MAX_CHUNK, Math.max(8, 2 * (limit - out.size()))) : -1;
    while (true) {
      buf.clear();
      ZSetRanges.byScore(z, new ScoreRange(from, false, max, true), false, skip, chunk, buf);
      int n = buf.size();
      for (int i = 0; i < n; i++) {
        double score = buf.score(i);
        GeoCells.decode(score, xy);
        double d = shape.distanceIfInside(xy[0], xy[1]);
        if (!(d < 0)) out.add(buf.member(i), score, d, xy[0], xy[1]);
        if (limit > 0 && out.size() >= limit) return;
      }
      if (limit <= 0 || n < chunk) return;
      // Resume after the last element read: from its score, skipping the elements of that score
      // already seen (several members can share one position).
      double lastScore = buf.score(n - 1);
      long same = 0;
      for (int j = n - 1; j >= 0 && buf.score(j) == lastScore; j--) same++;
      skip = lastScore == from ? skip + same : same;
      from = lastScore;
      chunk = Math.min(MAX_CHUNK, chunk * 2);
    }
  }
}
