package io.redline.modules.geo;

import java.util.Arrays;

/**
 * The points a search found, in the order it found them: member (the stored array, not a copy:
 * consume before the set changes), score, distance from the centre in meters, and decoded
 * position. {@link #sort} orders them by distance as Redis's qsort does (glibc's merge sort,
 * stable: equal distances keep the order they were found in).
 */
public final class GeoMatches {
  private byte[][] members = new byte[16][];
  private double[] scores = new double[16], distances = new double[16], lons = new double[16], lats = new double[16];
  private int[] order;
  private int size;

  void add(byte[] member, double score, double distance, double lon, double lat) {
    if (size == members.length) {
      int n = size * 2;
      members = Arrays.copyOf(members, n);
      scores = Arrays.copyOf(scores, n);
      distances = Arrays.copyOf(distances, n);
      lons = Arrays.copyOf(lons, n);
      lats = Arrays.copyOf(lats, n);
    }
    members[size] = member;
    scores[size] = score;
    distances[size] = distance;
    lons[size] = lon;
    lats[size++] = lat;
  }

  public int size() { return size; }

  // Accessors by position in the current order (found order until sort() is called).
  public byte[] member(int i) { return members[at(i)]; }
  public double score(int i) { return scores[at(i)]; }
  public double distance(int i) { return distances[at(i)]; }
  public double lon(int i) { return lons[at(i)]; }
  public double lat(int i) { return lats[at(i)]; }

  private int at(int i) { return order == null ? i : order[i]; }

  /**
   * Replaces the selection's distances with {@link Earth#distance}'s, for replies and STOREDIST
   * (and for sorting when those are shown, so the order agrees with them).
   */
  public void refineDistances(GeoShape shape) {
    for (int i = 0; i < size; i++) distances[i] = Earth.distance(shape.lon, shape.lat, lons[i], lats[i]);
  }

  /** Stable sort by distance, nearest first or (descending) farthest first. */
  public void sort(boolean descending) {
    int[] idx = new int[size];
    for (int i = 0; i < size; i++) idx[i] = i;
    int[] tmp = new int[size];
    for (int width = 1; width < size; width *= 2) {
      for (int lo = 0; lo < size - width; lo += 2 * width) {
        merge(idx, tmp, lo, lo + width, Math.min(lo + 2 * width, size), descending);
      }
    }
    order = idx;
  }

  private void merge(int[] idx, int[] tmp, int lo, int mid, int hi, boolean descending) {
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
      double a = distances[idx[i]], b = distances[idx[j]];
      // Take from the right run only when strictly first: ties stay in found order.
      boolean right = descending ? b > a : b < a;
      tmp[k++] = right ? idx[j++] : idx[i++];
    }
    while (i < mid) tmp[k++] = idx[i++];
    while (j < hi) tmp[k++] = idx[j++];
    System.arraycopy(tmp, lo, idx, lo, hi - lo);
  }
}
