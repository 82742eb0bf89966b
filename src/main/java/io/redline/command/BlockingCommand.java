package io.redline.command;

import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;

/**
 * A command that can park its client (BLPOP, BLMOVE, BZPOPMIN...). When nothing is ready it
 * calls {@link CommandContext#block}; it is run again, with {@link CommandContext#readyKey()}
 * set, once a write has made one of its keys ready.
 */
public interface BlockingCommand extends SequencedCommand {
  /** Whether a value now stored at a waited-on key lets this command proceed (right type, non-empty). */
  boolean readyFor(Object value);

  /** The reply when the timeout passes first (a null array or null bulk, per command). */
  void timeoutReply(ReplyWriter reply);

  /**
   * Whether a waiter with these (parked) arguments can proceed now that {@code key} holds
   * {@code value} (null: the key is gone). Commands whose waiters differ in what they wait for
   * (XREAD's per-key IDs, XREADGROUP's group, which also answers an error once its key or group
   * is gone) override this; the default asks {@link #readyFor(Object)}.
   */
  default boolean readyFor(Args args, byte[] key, Object value) { return value != null && readyFor(value); }

  /**
   * True when waiters of this command are ready each on their own terms (XREAD), so one that is
   * not ready must not hold back those parked behind it on the same key; false (lists, sorted
   * sets) lets serving stop at the first waiter that is not ready, as all would fail alike.
   */
  default boolean readinessPerWaiter() { return false; }

  /** The keys serving needs besides the ready one (BLMOVE's destination); none by default. */
  default byte[][] otherKeysWhenServing(Args args) { return new byte[0][]; }

  /** Arguments {@code from} (inclusive) to {@code to} (exclusive) as keys to wait on, each once. */
  static byte[][] distinctKeys(Args a, int from, int to) {
    java.util.List<byte[]> keys = new java.util.ArrayList<>();
    for (int k = from; k < to; k++) {
      boolean seen = false;
      for (byte[] o : keys) seen |= a.equals(k, o);
      if (!seen) keys.add(a.bytes(k));
    }
    return keys.toArray(new byte[0][]);
  }
}
