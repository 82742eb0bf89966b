package io.redline.store.zset;

import io.redline.util.RedisNumbers;

/**
 * A score interval of ZRANGEBYSCORE, ZCOUNT, ZREMRANGEBYSCORE...: each bound a float, exclusive
 * when written with a leading '('. Comparisons use primitive double operators, so -0 and 0 are
 * the same score, as in Redis.
 */
public record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) {

  /** Parses "min" and "max" arguments; null when either is not a float (Redis's one error for both). */
  public static ScoreRange parse(byte[] minBuf, int minOff, int minLen, byte[] maxBuf, int maxOff, int maxLen) {
    boolean minEx = minLen > 0 && minBuf[minOff] == '(';
    boolean maxEx = maxLen > 0 && maxBuf[maxOff] == '(';
    double min = minEx ? RedisNumbers.parseRangeDouble(minBuf, minOff + 1, minLen - 1)
        : RedisNumbers.parseRangeDouble(minBuf, minOff, minLen);
    double max = maxEx ? RedisNumbers.parseRangeDouble(maxBuf, maxOff + 1, maxLen - 1)
        : RedisNumbers.parseRangeDouble(maxBuf, maxOff, maxLen);
    if (min != min || max != max) return null;
    return new ScoreRange(min, minEx, max, maxEx);
  }

  /** No score can be inside: min above max, or equal bounds with either excluded. */
  public boolean isEmpty() {
    return min > max || (min == max && (minExclusive || maxExclusive));
  }

  public boolean aboveMin(double v) { return minExclusive ? v > min : v >= min; }

  public boolean belowMax(double v) { return maxExclusive ? v < max : v <= max; }
}
