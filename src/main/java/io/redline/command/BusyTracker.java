package io.redline.command;

/**
 * Whether a script or function is running now, and for how long: after busy-reply-threshold
 * other clients' commands are refused with -BUSY instead of waiting behind it, as in Redis.
 * Only one such command runs at a time (they hold every shard), so one slot is enough.
 */
public final class BusyTracker {
  /** What is running, as Redis words its BUSY error: a script (EVAL) or a function (FCALL). */
  public enum Kind { SCRIPT, FUNCTION }

  private static final String SCRIPT_BUSY =
      "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
  private static final String FUNCTION_BUSY =
      "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

  private volatile Kind running;
  private volatile long startedNanos;

  /** On the worker thread, before the script body starts. */
  public void begin(Kind kind) {
    startedNanos = System.nanoTime();
    running = kind;
  }

  /** On the worker thread, when the script body has finished (normally or not). */
  public void end() { running = null; }

  /** What is running now, or null. */
  public Kind running() { return running; }

  /** Milliseconds the current run has lasted (0 when nothing runs). */
  public long runningMillis() {
    return running == null ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
  }

  /** The -BUSY error for other clients' commands, or null when nothing has run past {@code thresholdMillis}. */
  public String rejection(long thresholdMillis) {
    Kind k = running;
    if (k == null || (System.nanoTime() - startedNanos) / 1_000_000 < thresholdMillis) return null;
    return k == Kind.SCRIPT ? SCRIPT_BUSY : FUNCTION_BUSY;
  }
}
