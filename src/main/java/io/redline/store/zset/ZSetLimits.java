package io.redline.store.zset;

/**
 * The compact-encoding thresholds (zset-max-listpack-entries, zset-max-listpack-value), read
 * once per command: a set stays compact while it has at most {@code maxEntries} elements and
 * no member longer than {@code maxValue} bytes.
 */
public record ZSetLimits(long maxEntries, long maxValue) {}
