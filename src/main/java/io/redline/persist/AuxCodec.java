package io.redline.persist;

import java.io.IOException;

/**
 * Server state a module keeps outside the keyspace that belongs in an RDB file: Redis 7.0 writes
 * function libraries this way (opcode 245, FUNCTION2, one record per library). A module that has
 * such state registers a codec with its server's {@link Persistence} when it starts.
 */
public interface AuxCodec {
  /** The opcodes this codec reads (e.g. {@link RdbTypes#OPCODE_FUNCTION2}). */
  int[] readOpcodes();

  /**
   * Writes this module's records, each an opcode followed by its payload. Called once per save,
   * at its point in time, with every shard held (no command runs meanwhile), before the keys.
   */
  void write(RdbOutput out);

  /** A load is starting; {@code merge}: what it reads replaces what exists (DEBUG RELOAD MERGE) instead of clashing. */
  default void startLoad(boolean merge) { }

  /** The dataset is emptied before a load (DEBUG RELOAD without NOFLUSH): drop this state too. */
  default void clear() { }

  /** Reads one record whose opcode was just read. Must validate what it reads. */
  void read(int opcode, RdbInput in) throws IOException;
}
