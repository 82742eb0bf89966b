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
