package io.redline.pubsub;

/**
 * The subscribers of one channel or pattern, partitioned by lane. Immutable: a subscribe or
 * unsubscribe builds a new set (copy on write), so PUBLISH on any thread reads a consistent
 * snapshot with one volatile read and counts it exactly, and hands each lane its own part
 * without copying.
 */
final class SubscriberSet {
  private static final Subscriber[] NONE = {};
  private final Subscriber[][] byLane;
  private final int size;

  private SubscriberSet(Subscriber[][] byLane, int size) {
    this.byLane = byLane;
    this.size = size;
  }

  static SubscriberSet of(int lanes, Subscriber s) {
    Subscriber[][] parts = new Subscriber[lanes][];
    java.util.Arrays.fill(parts, NONE);
    parts[s.lane()] = new Subscriber[] {s};
    return new SubscriberSet(parts, 1);
  }

  int size() { return size; }

  int lanes() { return byLane.length; }

  Subscriber[] lane(int i) { return byLane[i]; }

  /** This set plus {@code s} (the caller has checked that it is not already in). */
  SubscriberSet with(Subscriber s) {
    int l = s.lane();
    Subscriber[][] parts = byLane.clone();
    Subscriber[] old = parts[l];
    Subscriber[] grown = java.util.Arrays.copyOf(old, old.length + 1);
    grown[old.length] = s;
    parts[l] = grown;
    return new SubscriberSet(parts, size + 1);
  }

  /** This set less {@code s}; null when that leaves it empty (the name is then dropped). */
  SubscriberSet without(Subscriber s) {
    int l = s.lane();
    Subscriber[] old = byLane[l];
    int at = -1;
    for (int i = 0; i < old.length; i++) {
      if (old[i] == s) {
        at = i;
        break;
      }
    }
    if (at < 0) return this;
    if (size == 1) return null;
    Subscriber[] shrunk = new Subscriber[old.length - 1];
    System.arraycopy(old, 0, shrunk, 0, at);
    System.arraycopy(old, at + 1, shrunk, at, old.length - at - 1);
    Subscriber[][] parts = byLane.clone();
    parts[l] = shrunk.length == 0 ? NONE : shrunk;
    return new SubscriberSet(parts, size - 1);
  }
}
