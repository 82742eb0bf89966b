package io.redline.persist;

import java.io.IOException;

/**
 * How a module's value type is written to and read from RDB files and DUMP payloads. The core
 * writes strings, lists, sets, sorted sets and hashes itself; any other stored value (a stream,
 * a module's own type) is written by the codec that claims it, under the RDB type id the codec
 * names, and a value of that type id is read back by the same codec.
 *
 * <p>Codecs are found with {@link java.util.ServiceLoader}: a module lists its implementation in
 * {@code META-INF/services/io.redline.persist.ValueCodec}. See docs/persistence.md.
 */
public interface ValueCodec {
  /** The RDB value type ids this codec reads (e.g. 15 and 19 for streams). */
  int[] readTypes();

  /** Whether {@code value} is of this codec's type. */
  boolean writes(Object value);

  /** The RDB type id to write {@code value} under (one of {@link #readTypes()}). */
  int writeType(Object value);

  /**
   * Writes the value's payload (everything after the type byte). Called on the thread that owns
   * the value, while nothing else changes it.
   */
  void write(RdbOutput out, Object value);

  /**
   * Reads one value of RDB type {@code type}. Must validate everything it reads (the input may be
   * a corrupt or hostile RESTORE payload) and throw {@link RdbFormatException} rather than build
   * a half-valid value; {@link RdbInput} checks every length against the bytes that remain.
   * Returns null for an empty value, which the loader skips as Redis does.
   */
  Object read(int type, RdbInput in) throws IOException;
}
