package io.redline.store.zset;

/** Receives one (member, score) element of a sorted set. */
@FunctionalInterface
public interface ScoredVisitor {
  void accept(byte[] member, double score);
}
