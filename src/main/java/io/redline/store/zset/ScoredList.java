package io.redline.store.zset;

import java.util.Arrays;

/**
 * A growable list of (member, score) pairs: what a range, pop or set operation produces before
 * the reply is written (a reply needs its length first). Members are the stored arrays, not
 * copies, so the list must be consumed before the set changes again.
 */
public final class ScoredList {
  private byte[][] members;
  private double[] scores;
  private int size;

  public ScoredList() { this(8); }

  public ScoredList(int capacity) {
    members = new byte[Math.max(capacity, 1)][];
    scores = new double[Math.max(capacity, 1)];
  }

  public void add(byte[] member, double score) {
    if (size == members.length) {
      int n = members.length * 2;
      members = Arrays.copyOf(members, n);
      scores = Arrays.copyOf(scores, n);
    }
    members[size] = member;
    scores[size++] = score;
  }

  public int size() { return size; }

  public void clear() {
    java.util.Arrays.fill(members, 0, size, null);
    size = 0;
  }
  public byte[] member(int i) { return members[i]; }
  public double score(int i) { return scores[i]; }

  /** Sorts by (score, member) as a sorted set orders them; -0 and 0 tie. */
  public void sortByScore() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> ZOrder.compare(scores[a], members[a], scores[b], members[b]));
    byte[][] m = new byte[members.length][];
    double[] s = new double[scores.length];
    for (int i = 0; i < size; i++) {
      m[i] = members[order[i]];
      s[i] = scores[order[i]];
    }
    members = m;
    scores = s;
  }
}
